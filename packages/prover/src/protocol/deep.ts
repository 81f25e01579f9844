// DEEP batching: all opened polynomials collapse into one
//   D(x) = sum_p mu^p * (S_p(x) - S_p(z_p)) / (x - z_p),  S_p = sum over columns opened at z_p of alpha^k f_k,
// whose low degree (< n) FRI then proves. Column k's alpha power is global across batches.
import {
  evAdd, evAddScaled, evAlloc, evLinComb, extAdd, extDiv, extMul, extScale, extSub, type EVec, type Ext, type FVec,
} from "../field/index.js";
import { divideByLinearExt } from "../ntt/index.js";

export interface DeepShape {
  /** Number of base columns in each batch. */
  readonly widths: readonly number[];
  /** For each batch, the indices (into points) it is opened at. */
  readonly pointSets: readonly (readonly number[])[];
  readonly numPoints: number;
}

/** alpha^k for the first column of each batch. */
function batchAlphaStart(shape: DeepShape, alpha: Ext): Ext[] {
  const out: Ext[] = [];
  let a: Ext = [1n, 0n, 0n];
  for (const w of shape.widths) {
    out.push(a);
    for (let i = 0; i < w; i++) a = extMul(a, alpha);
  }
  return out;
}

/** Y_p = sum over batches opened at p of sum_k alpha^k y_k(p); openings[b][j][k] is batch b at its j-th point. */
export function openedCombination(shape: DeepShape, openings: readonly (readonly (readonly Ext[])[])[], alpha: Ext): Ext[] {
  const starts = batchAlphaStart(shape, alpha);
  const y: Ext[] = Array.from({ length: shape.numPoints }, () => [0n, 0n, 0n] as Ext);
  shape.pointSets.forEach((set, b) => {
    set.forEach((p, j) => {
      let a = starts[b]!;
      for (const v of openings[b]![j]!) {
        y[p] = extAdd(y[p]!, extMul(a, v));
        a = extMul(a, alpha);
      }
    });
  });
  return y;
}

/**
 * Prover: D in coefficient form (degree < n). Linear combinations are taken on coefficients
 * (size n) rather than on the LDE (size n * blowup); the division by X - z is exact once S(z)
 * is subtracted, so it never needs the claimed openings.
 */
export function deepCoeffs(shape: DeepShape, coeffs: readonly (readonly FVec[])[], points: readonly Ext[], alpha: Ext, mu: Ext, n: number): EVec {
  const starts = batchAlphaStart(shape, alpha);
  const sums = coeffs.map((cols, b) => {
    const s = evAlloc(n);
    const powers: Ext[] = [];
    let a = starts[b]!;
    for (let k = 0; k < cols.length; k++, a = extMul(a, alpha)) powers.push(a);
    evLinComb(s, cols, powers);
    return s;
  });
  const d = evAlloc(n);
  let muPow: Ext = [1n, 0n, 0n];
  for (let p = 0; p < shape.numPoints; p++) {
    const s = evAlloc(n);
    shape.pointSets.forEach((set, b) => {
      if (set.includes(p)) evAdd(s, s, sums[b]!);
    });
    // (S(X) - S(z)) / (X - z): synthetic division drops the remainder S(z).
    evAddScaled(d, divideByLinearExt(s, points[p]!), muPow);
    muPow = extMul(muPow, mu);
  }
  return d;
}

/** Verifier: D at one domain point x from the opened rows (rows[b] = batch b's values at x). */
export function deepAtPoint(shape: DeepShape, rows: readonly (readonly bigint[])[], x: bigint, points: readonly Ext[], y: readonly Ext[], alpha: Ext, mu: Ext): Ext {
  const starts = batchAlphaStart(shape, alpha);
  const sums = rows.map((row, b) => {
    let s: Ext = [0n, 0n, 0n];
    let a = starts[b]!;
    for (const v of row) {
      s = extAdd(s, extScale(a, v));
      a = extMul(a, alpha);
    }
    return s;
  });
  let d: Ext = [0n, 0n, 0n];
  let muPow: Ext = [1n, 0n, 0n];
  for (let p = 0; p < shape.numPoints; p++) {
    let s: Ext = [0n, 0n, 0n];
    shape.pointSets.forEach((set, b) => {
      if (set.includes(p)) s = extAdd(s, sums[b]!);
    });
    const term = extDiv(extSub(s, y[p]!), extSub([x, 0n, 0n], points[p]!));
    d = extAdd(d, extMul(muPow, term));
    muPow = extMul(muPow, mu);
  }
  return d;
}
