// Range rules for control flow ops the analysis meets in arith programs, keyed by name (arith
// imports neither scf nor cf; the scf workspace is not ours to edit): scf.for's induction
// variable from its bounds, and cf.cond_br's dead edge when the condition is decided.
import { IntRange, intRangeTransfers } from "@zkmlir/core";

export function registerControlFlowRanges(): void {
  // scf.for (lb, ub, step, inits...): iv in [lb, ub - 1] signed, step > 0 (scf.for's contract),
  // so iv never passes ub and cannot wrap. Iter_args and results: top (not modelled).
  intRangeTransfers.register("scf.for", {
    regionEntryArgs: (_op, _region, [lb, ub]) => {
      if (lb!.isNotInt) return undefined;
      const w = lb!.width;
      const hi = ub!.smax - 1n < lb!.smin ? lb!.smin : ub!.smax - 1n; // empty loop: body never runs
      return [IntRange.fromSigned(w, lb!.smin, hi)];
    },
  });
  // cf.cond_br %c, ^t(...), ^f(...): only the edge the condition allows is live.
  intRangeTransfers.register("cf.cond_br", {
    successorsTaken: (_op, [c]) => {
      const k = c!.constantValue;
      return k === undefined ? undefined : [k !== 0n, k === 0n];
    },
  });
}
