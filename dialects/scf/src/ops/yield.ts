// scf.yield: terminates scf.for and scf.if regions with the values they produce.
import { defineOp, Pure, ReturnLike, Terminator, HasParent, Operation, returnLikeFormat } from "@zkmlir/core";

export const YieldOp = defineOp({
  name: "scf.yield",
  summary: "loop yield and termination operation",
  description: "Yields the next iteration's loop-carried values (scf.for) or the results of the taken branch (scf.if); the parent checks the types.",
  operands: [{ name: "results", arity: "variadic" }],
  traits: [Pure, ReturnLike, Terminator, HasParent("scf.for", "scf.if")],
  format: returnLikeFormat,
});

/** Checks that the region's terminator is an scf.yield of `types`; returns a message otherwise. */
export function checkYield(op: Operation, region: number, types: readonly import("@zkmlir/core").Type[], what: string): string | undefined {
  const b = op.region(region).entry;
  if (!b) return `${what} region must have a block`;
  const y = b.last;
  if (!y || y.name !== "scf.yield") return `${what} region must end with 'scf.yield'`;
  if (y.operands.length !== types.length) return `${what} region yields ${y.operands.length} values, expected ${types.length}`;
  for (let i = 0; i < types.length; i++) {
    if (y.operand(i).type !== types[i]) return `${what} region yields '${y.operand(i).type.key}' as value #${i}, expected '${types[i]!.key}'`;
  }
  return undefined;
}
