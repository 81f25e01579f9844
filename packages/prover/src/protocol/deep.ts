// DEEP batching: all opened polynomials collapse into one
//   D(x) = sum_p mu^p * (S_p(x) - S_p(z_p)) / (x - z_p),  S_p = sum over columns opened at z_p of alpha^k f_k,
// whose low degree (< n) FRI then proves. Column k's alpha power is global across batches.
import {
  evAdd, evAlloc, evBatchInverse, evMul, evScale, extAdd, extDiv, extMul, extScale, extSub, rootOfUnity,
  vAdd, vAddScalar, vPowers, vScale, type EVec, type Ext, type FVec,
} from "../field/index.js";
import { COSET_SHIFT } from "./commit.js";

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

/** Prover: D on the whole LDE domain g * <w_N>. */
export function deepOnDomain(shape: DeepShape, ldes: readonly (readonly FVec[])[], points: readonly Ext[], y: readonly Ext[], alpha: Ext, mu: Ext, logSize: number): EVec {
  const N = 1 << logSize;
  const starts = batchAlphaStart(shape, alpha);
  const tmp = new BigUint64Array(N);
  const sums = ldes.map((cols, b) => {
    const s = evAlloc(N);
    let a = starts[b]!;
    for (const col of cols) {
      for (const [k, out] of [s.c0, s.c1, s.c2].entries()) {
        vScale(tmp, col, a[k]!);
        vAdd(out, out, tmp);
      }
      a = extMul(a, alpha);
    }
    return s;
  });
  const xs = vPowers(rootOfUnity(logSize), N);
  vScale(xs, xs, COSET_SHIFT);
  const d = evAlloc(N);
  let muPow: Ext = [1n, 0n, 0n];
  for (let p = 0; p < shape.numPoints; p++) {
    const num = evAlloc(N);
    shape.pointSets.forEach((set, b) => {
      if (set.includes(p)) evAdd(num, num, sums[b]!);
    });
    vAddScalar(num.c0, num.c0, -y[p]![0]);
    vAddScalar(num.c1, num.c1, -y[p]![1]);
    vAddScalar(num.c2, num.c2, -y[p]![2]);
    const den = evAlloc(N);
    vAddScalar(den.c0, xs, -points[p]![0]);
    den.c1.fill((0xffff_ffff_0000_0001n - points[p]![1]) % 0xffff_ffff_0000_0001n);
    den.c2.fill((0xffff_ffff_0000_0001n - points[p]![2]) % 0xffff_ffff_0000_0001n);
    evBatchInverse(den, den);
    evMul(num, num, den);
    evScale(num, num, muPow);
    evAdd(d, d, num);
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
