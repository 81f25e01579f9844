// Plain-TS Horner evaluation of a base-field polynomial at an extension point, on 32-bit limbs.
import { addL, rHi, rLo } from "../field/limbs.js";
import { extMulL, e0h, e0l, e1h, e1l, e2h, e2l } from "../field/ext-limbs.js";
import { limbs } from "../field/vec-ts.js";
import type { FVec } from "../field/vec-types.js";
import type { Ext } from "../field/ext3.js";

const hi = (x: bigint): number => Number(x >> 32n);
const lo = (x: bigint): number => Number(x & 0xffffffffn);
const join = (h: number, l: number): bigint => (BigInt(h) << 32n) | BigInt(l);

/** sum_i coeffs[i] x^i, x canonical. */
export function tsEvalPolyExt(coeffs: FVec, x: Ext): Ext {
  const c = limbs(coeffs);
  const x0h = hi(x[0]), x0l = lo(x[0]), x1h = hi(x[1]), x1l = lo(x[1]), x2h = hi(x[2]), x2l = lo(x[2]);
  let a0h = 0, a0l = 0, a1h = 0, a1l = 0, a2h = 0, a2l = 0;
  for (let i = coeffs.length - 1; i >= 0; i--) {
    extMulL(a0h, a0l, a1h, a1l, a2h, a2l, x0h, x0l, x1h, x1l, x2h, x2l);
    addL(e0h, e0l, c[2 * i + 1]!, c[2 * i]!);
    a0h = rHi; a0l = rLo; a1h = e1h; a1l = e1l; a2h = e2h; a2l = e2l;
  }
  return [join(a0h, a0l), join(a1h, a1l), join(a2h, a2l)];
}
