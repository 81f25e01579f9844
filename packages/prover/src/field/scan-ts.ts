// Plain-TS sequential and fused extension kernels on 32-bit limbs (no BigInt per element):
// exclusive prefix products / sums (permutation grand product, logUp running sums) and the fused
// out += s * a (quotient accumulation). Twins of the WebAssembly kernels in assembly/scan.ts.
// The running value enters and leaves through `acc` so a caller can process a vector in blocks.
import { addL, mulL, rHi, rLo } from "./limbs.js";
import { extMulL, e0h, e0l, e1h, e1l, e2h, e2l } from "./ext-limbs.js";
import { limbs } from "./vec-ts.js";
import type { FVec, EVec } from "./vec-types.js";
import type { Ext } from "./ext3.js";

const hi = (x: bigint): number => Number(x >> 32n);
const lo = (x: bigint): number => Number(x & 0xffffffffn);
const join = (h: number, l: number): bigint => (BigInt(h) << 32n) | BigInt(l);

/** out[i] = acc * a[0] * ... * a[i-1]; returns acc * (product of all). out may alias a. */
export function tsEvPrefixProduct(out: EVec, a: EVec, acc: Ext): Ext {
  const x0 = limbs(a.c0), x1 = limbs(a.c1), x2 = limbs(a.c2);
  const o0 = limbs(out.c0), o1 = limbs(out.c1), o2 = limbs(out.c2);
  let p0h = hi(acc[0]), p0l = lo(acc[0]), p1h = hi(acc[1]), p1l = lo(acc[1]), p2h = hi(acc[2]), p2l = lo(acc[2]);
  for (let l = 0; l < o0.length; l += 2) {
    const h = l + 1;
    const a0h = x0[h]!, a0l = x0[l]!, a1h = x1[h]!, a1l = x1[l]!, a2h = x2[h]!, a2l = x2[l]!; // read before writing
    o0[l] = p0l; o0[h] = p0h; o1[l] = p1l; o1[h] = p1h; o2[l] = p2l; o2[h] = p2h;
    extMulL(p0h, p0l, p1h, p1l, p2h, p2l, a0h, a0l, a1h, a1l, a2h, a2l);
    p0h = e0h; p0l = e0l; p1h = e1h; p1l = e1l; p2h = e2h; p2l = e2l;
  }
  return [join(p0h, p0l), join(p1h, p1l), join(p2h, p2l)];
}

/** Exclusive prefix sum of one base column starting at s; returns the final running value. */
function prefixSum(out: Uint32Array, a: Uint32Array, s: bigint): bigint {
  let sh = hi(s), sl = lo(s);
  for (let l = 0; l < out.length; l += 2) {
    const ah = a[l + 1]!, al = a[l]!;
    out[l] = sl;
    out[l + 1] = sh;
    addL(sh, sl, ah, al);
    sh = rHi;
    sl = rLo;
  }
  return join(sh, sl);
}

/** out[i] = acc + a[0] + ... + a[i-1]; returns acc + (sum of all). out may alias a. */
export function tsEvPrefixSum(out: EVec, a: EVec, acc: Ext): Ext {
  return [
    prefixSum(limbs(out.c0), limbs(a.c0), acc[0]),
    prefixSum(limbs(out.c1), limbs(a.c1), acc[1]),
    prefixSum(limbs(out.c2), limbs(a.c2), acc[2]),
  ];
}

/** out += s * a for extension vectors and an extension scalar. */
export function tsEvAxpy(out: EVec, a: EVec, s: Ext): void {
  const s0h = hi(s[0]), s0l = lo(s[0]), s1h = hi(s[1]), s1l = lo(s[1]), s2h = hi(s[2]), s2l = lo(s[2]);
  const x0 = limbs(a.c0), x1 = limbs(a.c1), x2 = limbs(a.c2);
  const o0 = limbs(out.c0), o1 = limbs(out.c1), o2 = limbs(out.c2);
  for (let l = 0; l < o0.length; l += 2) {
    const h = l + 1;
    extMulL(x0[h]!, x0[l]!, x1[h]!, x1[l]!, x2[h]!, x2[l]!, s0h, s0l, s1h, s1l, s2h, s2l);
    const m1h = e1h, m1l = e1l, m2h = e2h, m2l = e2l;
    addL(o0[h]!, o0[l]!, e0h, e0l); o0[l] = rLo; o0[h] = rHi;
    addL(o1[h]!, o1[l]!, m1h, m1l); o1[l] = rLo; o1[h] = rHi;
    addL(o2[h]!, o2[l]!, m2h, m2l); o2[l] = rLo; o2[h] = rHi;
  }
}

/** out += s * b for a base vector b and an extension scalar s. */
export function tsEvAxpyBase(out: EVec, b: FVec, s: Ext): void {
  const y = limbs(b);
  const parts: [Uint32Array, bigint][] = [[limbs(out.c0), s[0]], [limbs(out.c1), s[1]], [limbs(out.c2), s[2]]];
  for (const [o, sk] of parts) {
    const sh = hi(sk), sl = lo(sk);
    for (let l = 0; l < o.length; l += 2) {
      mulL(y[l + 1]!, y[l]!, sh, sl);
      addL(o[l + 1]!, o[l]!, rHi, rLo);
      o[l] = rLo;
      o[l + 1] = rHi;
    }
  }
}
