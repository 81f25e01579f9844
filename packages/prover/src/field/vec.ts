// Hot-path vector API over typed arrays. Every op writes into `out`, which may be the very same
// view as an input (exact aliasing) but must not partially overlap one (FieldError);
// accepts any u64 input (interpreted mod p) and writes canonical values.
// Lengths must match, else FieldError. Kernels dispatch to the fastest available backend.
import { FieldError } from "./errors.js";
import { reduce } from "./goldilocks.js";
import type { Ext } from "./ext3.js";
import type { FVec, EVec } from "./vec-types.js";
import { kernels } from "./backend.js";

export type { FVec, EVec } from "./vec-types.js";

function sameLength(op: string, out: FVec, ...ins: FVec[]): void {
  for (const v of ins) {
    if (v.length !== out.length) {
      throw new FieldError(`${op}: length mismatch (out has ${out.length}, input has ${v.length})`);
    }
    if (v.buffer === out.buffer && v.byteOffset !== out.byteOffset) {
      const lo = Math.max(v.byteOffset, out.byteOffset);
      const hi = Math.min(v.byteOffset + v.byteLength, out.byteOffset + out.byteLength);
      if (lo < hi) throw new FieldError(`${op}: out partially overlaps an input (only exact aliasing is allowed)`);
    }
  }
}

function evLength(op: string, v: EVec): number {
  const n = v.c0.length;
  if (v.c1.length !== n || v.c2.length !== n) {
    throw new FieldError(`${op}: extension vector coefficients differ in length (${n}, ${v.c1.length}, ${v.c2.length})`);
  }
  return n;
}

function evSameLength(op: string, out: EVec, ...ins: EVec[]): void {
  const n = evLength(op, out);
  for (const v of ins) {
    const m = evLength(op, v);
    if (m !== n) throw new FieldError(`${op}: length mismatch (out has ${n}, input has ${m})`);
    for (const o of [out.c0, out.c1, out.c2]) sameLength(op, o, v.c0, v.c1, v.c2);
  }
}

export function vAdd(out: FVec, a: FVec, b: FVec): void {
  sameLength("vAdd", out, a, b);
  kernels().add(out, a, b);
}

export function vSub(out: FVec, a: FVec, b: FVec): void {
  sameLength("vSub", out, a, b);
  kernels().sub(out, a, b);
}

export function vMul(out: FVec, a: FVec, b: FVec): void {
  sameLength("vMul", out, a, b);
  kernels().mul(out, a, b);
}

export function vScale(out: FVec, a: FVec, s: bigint): void {
  sameLength("vScale", out, a);
  kernels().scale(out, a, reduce(s));
}

export function vAddScalar(out: FVec, a: FVec, s: bigint): void {
  sameLength("vAddScalar", out, a);
  kernels().addScalar(out, a, reduce(s));
}

/** out[i] = 1 / a[i]; throws FieldError naming the first zero element's index. */
export function vBatchInverse(out: FVec, a: FVec): void {
  sameLength("vBatchInverse", out, a);
  kernels().batchInverse(out, a);
}

/** [1, base, base^2, ..., base^(n-1)] */
export function vPowers(base: bigint, n: number): FVec {
  if (!Number.isInteger(n) || n < 0) throw new FieldError(`vPowers: n must be a non-negative integer, got ${n}`);
  const out = new BigUint64Array(n);
  kernels().powers(out, reduce(base));
  return out;
}

export function evAlloc(n: number): EVec {
  return { c0: new BigUint64Array(n), c1: new BigUint64Array(n), c2: new BigUint64Array(n) };
}

export function evAdd(out: EVec, a: EVec, b: EVec): void {
  evSameLength("evAdd", out, a, b);
  kernels().evAdd(out, a, b);
}

export function evSub(out: EVec, a: EVec, b: EVec): void {
  evSameLength("evSub", out, a, b);
  kernels().evSub(out, a, b);
}

export function evMul(out: EVec, a: EVec, b: EVec): void {
  evSameLength("evMul", out, a, b);
  kernels().evMul(out, a, b);
}

export function evMulBase(out: EVec, a: EVec, b: FVec): void {
  evSameLength("evMulBase", out, a);
  for (const o of [out.c0, out.c1, out.c2]) sameLength("evMulBase", o, b);
  kernels().evMulBase(out, a, b);
}

export function evScale(out: EVec, a: EVec, s: Ext): void {
  evSameLength("evScale", out, a);
  kernels().evScale(out, a, [reduce(s[0]), reduce(s[1]), reduce(s[2])]);
}

/** out[i] = 1 / a[i] in the extension; throws FieldError naming the first zero element's index. */
export function evBatchInverse(out: EVec, a: EVec): void {
  evSameLength("evBatchInverse", out, a);
  kernels().evBatchInverse(out, a);
}

/** Exclusive prefix product: out[i] = a[0] * ... * a[i-1] (out[0] = 1); returns the product of all. out may alias a. */
export function evPrefixProduct(out: EVec, a: EVec): Ext {
  evSameLength("evPrefixProduct", out, a);
  return kernels().evPrefixProduct(out, a, [1n, 0n, 0n]);
}

/** Exclusive prefix sum: out[i] = a[0] + ... + a[i-1] (out[0] = 0); returns the sum of all. out may alias a. */
export function evPrefixSum(out: EVec, a: EVec): Ext {
  evSameLength("evPrefixSum", out, a);
  return kernels().evPrefixSum(out, a, [0n, 0n, 0n]);
}

/** out += s * a (fused: one pass, no temporary). */
export function evAddScaled(out: EVec, a: EVec, s: Ext): void {
  evSameLength("evAddScaled", out, a);
  kernels().evAxpy(out, a, [reduce(s[0]), reduce(s[1]), reduce(s[2])]);
}

/** out += s * b for a base vector b and an extension scalar s (fused). */
export function evAddScaledBase(out: EVec, b: FVec, s: Ext): void {
  evLength("evAddScaledBase", out);
  for (const o of [out.c0, out.c1, out.c2]) sameLength("evAddScaledBase", o, b);
  kernels().evAxpyBase(out, b, [reduce(s[0]), reduce(s[1]), reduce(s[2])]);
}

/** out = sum_j coeffs[j] * cols[j]: extension coefficients times base columns (DEEP, batching). */
export function evLinComb(out: EVec, cols: readonly FVec[], coeffs: readonly Ext[]): void {
  const n = evLength("evLinComb", out);
  if (cols.length !== coeffs.length) {
    throw new FieldError(`evLinComb: ${cols.length} columns but ${coeffs.length} coefficients`);
  }
  cols.forEach((c, j) => {
    if (c.length !== n) throw new FieldError(`evLinComb: column ${j} has length ${c.length}, out has ${n}`);
  });
  if (cols.length === 0) {
    out.c0.fill(0n);
    out.c1.fill(0n);
    out.c2.fill(0n);
    return;
  }
  kernels().evLinComb(out, cols, coeffs.map((s) => [reduce(s[0]), reduce(s[1]), reduce(s[2])] as const));
}

