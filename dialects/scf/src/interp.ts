// Reference-domain semantics of scf: loop bounds and the induction variable are bigints (index
// and integer values are bigints in this domain); regions are compiled once.
import { ImplTable, type OpImpl } from "@zkmlir/core";

const forImpl: OpImpl = (op, c) => {
  const body = c.compileRegion(op.region(0));
  return {
    run: ([lb, ub, step, ...inits]) => {
      const s = step as bigint;
      if (s <= 0n) throw new Error(`step must be positive, got ${s}`);
      let iter = inits;
      for (let iv = lb as bigint; iv < (ub as bigint); iv += s) iter = body([iv, ...iter]);
      return iter;
    },
  };
};

const ifImpl: OpImpl = (op, c) => {
  const then = c.compileRegion(op.region(0));
  const els = op.region(1).empty ? () => [] : c.compileRegion(op.region(1));
  return { run: ([cond]) => ((cond as bigint) !== 0n ? then([]) : els([])) };
};

export const scfImpls = new ImplTable("reference", {
  "scf.for": forImpl,
  "scf.if": ifImpl,
  "scf.yield": () => ({ control: (args) => ({ kind: "yield", values: args }) }),
});
