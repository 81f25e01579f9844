// Plain-TS Horner evaluation of a base-field polynomial at an extension point, on 32-bit limbs.
import { addL, rHi, rLo } from "../field/limbs.js";
import { extMulL, e0h, e0l, e1h, e1l, e2h, e2l } from "../field/ext-limbs.js";
import { limbs } from "../field/vec-ts.js";
import type { FVec, EVec } from "../field/vec-types.js";
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

/** Synthetic division by (X - z): q[i-1] = s[i] + z q[i] from the top, q[n-1] = 0. */
export function tsDivideByLinearExt(s: EVec, z: Ext): EVec {
  const n = s.c0.length;
  const q = { c0: new BigUint64Array(n), c1: new BigUint64Array(n), c2: new BigUint64Array(n) };
  const s0 = limbs(s.c0), s1 = limbs(s.c1), s2 = limbs(s.c2);
  const q0 = limbs(q.c0), q1 = limbs(q.c1), q2 = limbs(q.c2);
  const z0h = hi(z[0]), z0l = lo(z[0]), z1h = hi(z[1]), z1l = lo(z[1]), z2h = hi(z[2]), z2l = lo(z[2]);
  let a0h = 0, a0l = 0, a1h = 0, a1l = 0, a2h = 0, a2l = 0;
  for (let i = n - 1; i >= 1; i--) {
    const l = 2 * i, h = l + 1, d = l - 2;
    extMulL(z0h, z0l, z1h, z1l, z2h, z2l, a0h, a0l, a1h, a1l, a2h, a2l);
    const m1h = e1h, m1l = e1l, m2h = e2h, m2l = e2l;
    addL(e0h, e0l, s0[h]!, s0[l]!); a0h = rHi; a0l = rLo;
    addL(m1h, m1l, s1[h]!, s1[l]!); a1h = rHi; a1l = rLo;
    addL(m2h, m2l, s2[h]!, s2[l]!); a2h = rHi; a2l = rLo;
    q0[d] = a0l; q0[d + 1] = a0h; q1[d] = a1l; q1[d + 1] = a1h; q2[d] = a2l; q2[d + 1] = a2h;
  }
  return q;
}

