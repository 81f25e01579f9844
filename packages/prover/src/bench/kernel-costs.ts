// Kernel costs at one proof size, each measured alone (fastest of a few runs after a warm-up, on
// the active backend; the fastest, because a floor should not include other processes' noise on
// a shared machine): the unit prices of the floor model in phase-floors.ts. Never asserted in tests.
import { evAdd, evAddScaled, evAddScaledBase, evAlloc, evLinComb, evMul, evMulBase, vAdd, vMul } from "../field/index.js";
import { merkleKernels } from "../merkle/backend.js";
import { cosetIntt, divideByLinearExt, evalPolysExt, interpolate, lde } from "../ntt/index.js";
import { randomVec } from "./kernels.js";

/** Fastest of `reps` timed runs after one warm-up, ms. */
function time(fn: () => void, reps: number): number {
  fn();
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const s = performance.now();
    fn();
    best = Math.min(best, performance.now() - s);
  }
  return best;
}

export interface KernelCosts {
  /** ms per column of n values: interpolation, LDE by 2^logBlowup. */
  readonly interpolate: number;
  readonly lde: number;
  /** ms per column: LDE of n coefficients by 2^logQ, for each logQ asked for. */
  ldeBy(logQ: number): number;
  /** ms for one coset interpolation of size n 2^logQ. */
  cosetIntt(logQ: number): number;
  /** ns per element: Merkle leaf hashing per base element, and per internal node. */
  readonly leafElemNs: number;
  readonly nodeNs: number;
  /** ns per element of length-n vectors (the quotient's and DEEP's vector ops). */
  readonly vAddNs: number;
  readonly vMulNs: number;
  readonly evAddNs: number;
  readonly evMulNs: number;
  readonly evMulBaseNs: number;
  readonly evAddScaledNs: number;
  readonly evAddScaledBaseNs: number;
  /** ns per (column x element) of a linear combination of base columns into an extension vector. */
  readonly linCombNs: number;
  /** Evaluating base polynomials at an extension point: ms for the point's powers (once per call), ns per (column x coefficient). */
  readonly evalPowers: number;
  readonly evalNs: number;
  /** ms for one synthetic division of an extension polynomial of n coefficients. */
  readonly divide: number;
}

const nsPerElem = (ms: number, elems: number): number => (ms * 1e6) / elems;

export function measureKernelCosts(logN: number, logBlowup: number): KernelCosts {
  const n = 1 << logN;
  const a = randomVec(n, 1), b = randomVec(n, 2), out = new BigUint64Array(n);
  const ea = { c0: randomVec(n, 3), c1: randomVec(n, 4), c2: randomVec(n, 5) }, eb = evAlloc(n), eo = evAlloc(n);
  const reps = 5;
  // Merkle: 16 columns (leaves only), then one column with and without its levels (nodes only).
  const m = Math.min(n << logBlowup, 1 << 16);
  const mcols = Array.from({ length: 16 }, (_, j) => randomVec(m, 10 + j));
  const leaves = time(() => merkleKernels().buildLevels(mcols, 0), reps);
  const one = [mcols[0]!];
  const withNodes = time(() => merkleKernels().buildLevels(one, Math.log2(m)), reps);
  const leafOnly = time(() => merkleKernels().buildLevels(one, 0), reps);
  const polys = Array.from({ length: 8 }, (_, j) => randomVec(n, 30 + j));
  // evalPolysExt on 1 and on 8 polynomials: the difference is 7 dot products.
  const evalOne = time(() => evalPolysExt(polys.slice(0, 1), [3n, 5n, 7n]), reps);
  const evalDot = Math.max(0, time(() => evalPolysExt(polys, [3n, 5n, 7n]), reps) - evalOne) / 7;
  const memo = (f: (logQ: number) => number): ((logQ: number) => number) => {
    const seen = new Map<number, number>();
    return (q) => seen.get(q) ?? (seen.set(q, f(q)), seen.get(q)!);
  };
  return {
    interpolate: time(() => interpolate(a), reps),
    lde: time(() => lde(a, logBlowup, 7n), reps),
    ldeBy: memo((q) => time(() => lde(a, q, 7n), reps)),
    cosetIntt: memo((q) => {
      const v = randomVec(n << q, 6);
      return time(() => cosetIntt(v, 7n), reps);
    }),
    leafElemNs: nsPerElem(leaves, 16 * m),
    nodeNs: nsPerElem(Math.max(0, withNodes - leafOnly), m - 1),
    vAddNs: nsPerElem(time(() => vAdd(out, a, b), reps), n),
    vMulNs: nsPerElem(time(() => vMul(out, a, b), reps), n),
    evAddNs: nsPerElem(time(() => evAdd(eo, ea, eb), reps), n),
    evMulNs: nsPerElem(time(() => evMul(eo, ea, eb), reps), n),
    evMulBaseNs: nsPerElem(time(() => evMulBase(eo, ea, a), reps), n),
    evAddScaledNs: nsPerElem(time(() => evAddScaled(eo, ea, [3n, 5n, 7n]), reps), n),
    evAddScaledBaseNs: nsPerElem(time(() => evAddScaledBase(eo, a, [3n, 5n, 7n]), reps), n),
    linCombNs: nsPerElem(time(() => evLinComb(eo, polys, polys.map((_, j) => [BigInt(j + 2), 3n, 5n])), reps), 8 * n),
    evalPowers: Math.max(0, evalOne - evalDot),
    evalNs: nsPerElem(evalDot, n),
    divide: time(() => divideByLinearExt(ea, [3n, 5n, 7n]), reps),
  };
}
