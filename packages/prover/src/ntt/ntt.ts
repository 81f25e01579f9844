// Public NTT API over the subgroup <w_n>, w_n = rootOfUnity(log2 n), natural order everywhere.
import { FieldError } from "../field/errors.js";
import { inv, reduce, P, TWO_ADICITY } from "../field/goldilocks.js";
import type { Ext } from "../field/ext3.js";
import type { FVec, EVec } from "../field/vec-types.js";
import { vScale } from "../field/vec.js";
import { nttKernels } from "./backend.js";

/** log2 of a power-of-two length <= 2^32, else FieldError naming the op. */
export function log2Exact(op: string, n: number): number {
  if (!Number.isInteger(n) || n < 1 || (n & (n - 1)) !== 0 || n > 2 ** TWO_ADICITY) {
    throw new FieldError(`${op}: length must be a power of two in [1, 2^${TWO_ADICITY}], got ${n}`);
  }
  return Math.round(Math.log2(n));
}

/** Evaluations in place: v[k] <- sum_i v[i] w_n^(ik). */
export function ntt(v: FVec): void {
  log2Exact("ntt", v.length);
  nttKernels().ntt(v);
}

/** Coefficients in place from evaluations on <w_n>: inverse of ntt. */
export function intt(v: FVec): void {
  const n = v.length;
  log2Exact("intt", n);
  nttKernels().ntt(v);
  // DFT^-1(v)[k] = DFT(v)[-k mod n] / n: reverse entries 1..n-1, then scale.
  v.subarray(1).reverse();
  vScale(v, v, inv(BigInt(n)));
}

/** Multiply coefficient i by shift^i, i.e. move the polynomial from x to shift * x. */
function shiftCoeffs(v: FVec, shift: bigint): void {
  const s = reduce(shift);
  if (s !== 1n) nttKernels().scaleByPowers(v, s);
}

/** Evaluations of the polynomial on shift * <w_n> (new array; coeffs untouched). */
export function cosetNtt(coeffs: FVec, shift: bigint): FVec {
  log2Exact("cosetNtt", coeffs.length);
  const v = coeffs.slice();
  shiftCoeffs(v, shift);
  nttKernels().ntt(v);
  return v;
}

/** Coefficients from evaluations on shift * <w_n> (new array; evals untouched). */
export function cosetIntt(evals: FVec, shift: bigint): FVec {
  log2Exact("cosetIntt", evals.length);
  if (reduce(shift) === 0n) throw new FieldError("cosetIntt: shift must be nonzero");
  const v = evals.slice();
  intt(v);
  shiftCoeffs(v, inv(shift));
  return v;
}

/** Coefficients from evaluations on <w_n> (new array). */
export function interpolate(evals: FVec): FVec {
  const v = evals.slice();
  intt(v);
  return v;
}

/**
 * Low-degree extension: evaluations of the polynomial with these n coefficients on
 * shift * <w_{n * 2^logBlowup}> (natural order), into `out` when given. n must be a power of two.
 */
export function lde(coeffs: FVec, logBlowup: number, shift: bigint, out?: FVec): FVec {
  const logN = log2Exact("lde", coeffs.length);
  if (!Number.isInteger(logBlowup) || logBlowup < 0 || logN + logBlowup > TWO_ADICITY) {
    throw new FieldError(`lde: logBlowup must be an integer >= 0 with log2(n) + logBlowup <= ${TWO_ADICITY}, got ${logBlowup}`);
  }
  if (reduce(shift) === 0n) throw new FieldError("lde: shift must be nonzero");
  if (out !== undefined && out.length !== coeffs.length << logBlowup) {
    throw new FieldError(`lde: output length must be ${coeffs.length << logBlowup}, got ${out.length}`);
  }
  return nttKernels().lde(coeffs, logBlowup, reduce(shift), out);
}

/** sum_i coeffs[i] x^i at an extension point (Horner). */
export function evalPolyExt(coeffs: FVec, x: Ext): Ext {
  return nttKernels().evalPolyExt(coeffs, [reduce(x[0]), reduce(x[1]), reduce(x[2])]);
}

/** Several polynomials at one extension point: powers of x once, then a dot product each. */
export function evalPolysExt(polys: readonly FVec[], x: Ext): Ext[] {
  return nttKernels().evalPolysExt(polys, [reduce(x[0]), reduce(x[1]), reduce(x[2])]);
}

/**
 * Quotient of the extension polynomial s (coefficient columns) by (X - z), remainder dropped:
 * q[i-1] = s[i] + z q[i], q[n-1] = 0. Exact when s(z) = 0, e.g. after subtracting s(z).
 */
export function divideByLinearExt(s: EVec, z: Ext): EVec {
  const n = s.c0.length;
  if (s.c1.length !== n || s.c2.length !== n) {
    throw new FieldError(`divideByLinearExt: coefficient columns differ in length (${n}, ${s.c1.length}, ${s.c2.length})`);
  }
  return nttKernels().divideByLinearExt(s, [reduce(z[0]), reduce(z[1]), reduce(z[2])]);
}

/** sum_i coeffs[i] x^i at a base point (cold path, bigint Horner). */
export function evalPoly(coeffs: FVec | readonly bigint[], x: bigint): bigint {
  const xr = reduce(x);
  let acc = 0n;
  for (let i = coeffs.length - 1; i >= 0; i--) acc = (acc * xr + coeffs[i]!) % P;
  return acc;
}
