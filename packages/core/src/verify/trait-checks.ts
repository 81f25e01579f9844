// Trait verification for the verifier's hot loop. The same-type traits' own checks build a list
// of every operand and result type per op; here they compare in place, with the same messages.
// Every other trait runs its declared `verify`.
import type { Operation } from "../ir/operation.js";
import { SameOperandsAndResultType, SameTypeOperands, type Trait } from "../ir/traits.js";

function sameTypes(op: Operation, withResults: boolean): string | undefined {
  const operands = op.operands;
  const first = operands.length ? operands[0]!.value.type : withResults && op.results.length ? op.results[0]!.type : undefined;
  let same = true;
  for (let i = 1; i < operands.length && same; i++) same = operands[i]!.value.type === first;
  if (withResults) for (let i = 0; i < op.results.length && same; i++) same = op.results[i]!.type === first;
  return same ? undefined : `requires the same type for all operands${withResults ? " and results" : ""}`;
}

/** The error message of `trait` on `op`, or undefined when the op satisfies it. */
export function verifyTrait(trait: Trait, op: Operation): string | undefined {
  if (trait === SameOperandsAndResultType) return sameTypes(op, true);
  if (trait === SameTypeOperands) return sameTypes(op, false);
  return trait.verify?.(op);
}
