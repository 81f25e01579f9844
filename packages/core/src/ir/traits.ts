// Op traits: named properties with an optional structural check run by the verifier.
import type { Operation } from "./operation.js";

export interface Trait {
  readonly name: string;
  /** Returns an error message when the op breaks the trait. */
  verify?(op: Operation): string | undefined;
}

// Compares in place: the verifier runs this for every op that declares the trait.
function sameTypes(op: Operation, which: "operands" | "all"): string | undefined {
  const withResults = which === "all";
  const operands = op.operands;
  const first = operands.length ? operands[0]!.value.type : withResults && op.results.length ? op.results[0]!.type : undefined;
  let same = true;
  for (let i = 1; i < operands.length && same; i++) same = operands[i]!.value.type === first;
  if (withResults) for (let i = 0; i < op.results.length && same; i++) same = op.results[i]!.type === first;
  return same ? undefined : `requires the same type for all operands${withResults ? " and results" : ""}`;
}

export const Pure: Trait = { name: "Pure" };
export const Commutative: Trait = { name: "Commutative" };
export const ConstantLike: Trait = { name: "ConstantLike" };
export const ReturnLike: Trait = { name: "ReturnLike" };
export const Symbol: Trait = { name: "Symbol" };
export const Terminator: Trait = {
  name: "Terminator",
  verify: (op) => (op.parent && op.parent.last !== op ? "must be the last operation in the parent block" : undefined),
};
export const NoTerminator: Trait = { name: "NoTerminator" };
export const IsolatedFromAbove: Trait = { name: "IsolatedFromAbove" };
export const SymbolTable: Trait = { name: "SymbolTable" };
export const SameOperandsAndResultType: Trait = { name: "SameOperandsAndResultType", verify: (op) => sameTypes(op, "all") };
export const SameTypeOperands: Trait = { name: "SameTypeOperands", verify: (op) => sameTypes(op, "operands") };
export const SingleBlock: Trait = {
  name: "SingleBlock",
  verify: (op) => (op.regions.some((r) => r.blocks.length > 1) ? "expects regions with at most one block" : undefined),
};

/** The op must sit directly inside one of the named ops. */
export function HasParent(...names: string[]): Trait {
  return {
    name: `HasParent<${names.join(",")}>`,
    verify: (op) => {
      const p = op.parentOp;
      return p && names.includes(p.name) ? undefined : `expects parent op ${names.length > 1 ? "to be one of " : ""}'${names.join("', '")}'`;
    },
  };
}
