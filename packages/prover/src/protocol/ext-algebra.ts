// The constraint algebra at one extension point (verifier side): every value is an Ext.
import { extAdd, extMul, extNeg, extSub, type Ext } from "../field/index.js";
import type { Algebra } from "./constraints.js";

export interface PointValues {
  advice(index: number, rot: number): Ext;
  fixed(index: number, rot: number): Ext;
  mult(lookup: number): Ext;
  aux(index: number, rot: number): Ext;
  x(): Ext;
  publicPoly(i: number): Ext;
}

export function extAlgebra(v: PointValues): Algebra<Ext, Ext> {
  return {
    ...v,
    advice: (i, r) => v.advice(i, r),
    fixed: (i, r) => v.fixed(i, r),
    mult: (i) => v.mult(i),
    aux: (i, r) => v.aux(i, r),
    x: () => v.x(),
    publicPoly: (i) => v.publicPoly(i),
    constant: (c) => [c, 0n, 0n],
    add: extAdd,
    sub: extSub,
    mul: extMul,
    neg: extNeg,
    scaleB: extMul,
    eAdd: extAdd,
    eSub: extSub,
    eMul: extMul,
    eMulB: extMul,
    eAddB: extAdd,
    eAddC: extAdd,
  };
}

/** c0 + c1 u + c2 u^2 for extension-valued polynomials committed as three base columns. */
export function fromComponents(c0: Ext, c1: Ext, c2: Ext): Ext {
  return extAdd(extAdd(c0, extMul(c1, [0n, 1n, 0n])), extMul(c2, [0n, 0n, 1n]));
}
