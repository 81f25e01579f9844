// Quotient t = (sum_k alpha^k C_k) / Z_H evaluated on the coset g * <w_{Qn}>, interpolated and
// split at stride s = n - h into chunks of degree < s (t = sum_i X^(i s) t_i), each an extension
// polynomial held in n coefficients so that quotient-mask.ts can fill the top h.
import type { ConstraintSystem as Circuit } from "../circuit/constraint-system.js";
import {
  evAddScaled, evAddScaledBase, evAlloc, extMul, inv, mul, pow, rootOfUnity, sub, vAdd, vPowers, vScale,
  type Ext, type FVec,
} from "../field/index.js";
import { cosetIntt, lde } from "../ntt/index.js";
import { type Algebra, type Challenges, emitConstraints } from "./constraints.js";
import { COSET_SHIFT, type PolyBatch } from "./commit.js";
import type { Layout } from "./layout.js";
import { ConstraintError } from "../errors.js";
import { VecAlgebra } from "./vec-algebra.js";

/**
 * Where a committed column's values on the quotient domain g * <w_{Qn}> live: index i is at
 * vec[i * stride]. The FRI LDE already holds them when blowup >= Q; otherwise a separate LDE.
 */
export function quotientSource(b: PolyBatch, col: number, logBlowup: number, logQ: number): { vec: FVec; stride: number } {
  if (logBlowup >= logQ) return { vec: b.lde[col]!, stride: 1 << (logBlowup - logQ) };
  return { vec: lde(b.coeffs[col]!, logQ, COSET_SHIFT), stride: 1 };
}

/** Values on the c-th sub-coset (indices i = j Q + c, a coset of <w_n>), gathered into a length-n vector. */
function gather(src: { vec: FVec; stride: number }, n: number, Q: number, c: number): FVec {
  const out = new BigUint64Array(n);
  // Copy as 32-bit halves: reading a BigUint64Array element would allocate a bigint.
  const o = new Uint32Array(out.buffer);
  const v = new Uint32Array(src.vec.buffer, src.vec.byteOffset, src.vec.length * 2);
  const step = 2 * Q * src.stride;
  for (let j = 0, k = 2 * c * src.stride; j < 2 * n; j += 2, k += step) {
    o[j] = v[k]!;
    o[j + 1] = v[k + 1]!;
  }
  return out;
}

/** dst[j Q + c] = src[j]: the inverse of gather on a full-size vector. */
function scatter(dst: FVec, src: FVec, Q: number, c: number): void {
  const d = new Uint32Array(dst.buffer, dst.byteOffset, dst.length * 2);
  const s = new Uint32Array(src.buffer, src.byteOffset, src.length * 2);
  for (let j = 0, i = 2 * c; j < s.length; j += 2, i += 2 * Q) {
    d[i] = s[j]!;
    d[i + 1] = s[j + 1]!;
  }
}

export interface QuotientInputs {
  readonly circuit: Circuit;
  readonly layout: Layout;
  readonly logBlowup: number;
  readonly fixed: PolyBatch;
  readonly advice: PolyBatch;
  readonly aux: PolyBatch;
  /** Public-input polynomials in coefficient form (length n). */
  readonly publicCoeffs: readonly FVec[];
  readonly challenges: Challenges;
  readonly alpha: Ext;
  /** Refuse (ConstraintError) when the quotient is not a polynomial of the expected degree. */
  readonly strict: boolean;
}

/** log2 of the smallest power of two >= d - 1: the quotient-domain factor a degree-d constraint needs. */
export function logQFor(d: number): number {
  let l = 0;
  while (1 << l < d - 1) l++;
  return l;
}

/**
 * Returns 3 * numChunks coefficient columns of length n: chunk i's extension components at 3i,
 * 3i+1, 3i+2, unmasked (coefficients >= chunkStride are zero).
 * Constraints are grouped by the domain their degree needs (Q n, Q = 2^logQFor(d)), so only the
 * high-degree ones pay for the largest coset; each group's share of t is interpolated and added.
 * A domain is processed one sub-coset of size n at a time (cache-sized vectors; Z_H is constant
 * on each), then interleaved back for the interpolation.
 */
export function quotientChunks(q: QuotientInputs): FVec[] {
  const { layout: lay, logBlowup } = q;
  const { n } = lay;
  const groups = new Set<number>();
  emitConstraints(q.circuit, lay, q.challenges, nullAlgebra, (d) => void groups.add(logQFor(d)));
  const total = [0, 1, 2].map(() => new BigUint64Array(n << lay.logQ));
  for (const logQ of [...groups].sort((a, b) => a - b)) {
    const part = quotientGroup(q, logQ, logBlowup);
    for (let k = 0; k < 3; k++) vAdd(total[k]!.subarray(0, part[k]!.length), total[k]!.subarray(0, part[k]!.length), part[k]!);
  }
  // An honest t has degree < (d - 1) n; anything above means the constraints do not hold.
  const tailNonZero = total.some((c) => c.subarray((lay.degree - 1) * n).some((x) => x !== 0n));
  if (tailNonZero && q.strict) throw new ConstraintError("quotient degree too high: the witness does not satisfy the constraints");
  const s = lay.chunkStride;
  const out: FVec[] = [];
  for (let i = 0; i < lay.numChunks; i++) {
    for (const c of total) {
      const chunk = new BigUint64Array(n);
      chunk.set(c.subarray(Math.min(i * s, c.length), Math.min((i + 1) * s, c.length)));
      out.push(chunk);
    }
  }
  return out;
}

/** Coefficients (3 components, length Q n) of sum alpha^k C_k / Z_H over the constraints of one group. */
function quotientGroup(q: QuotientInputs, logQ: number, logBlowup: number): FVec[] {
  const { layout: lay } = q;
  const { n } = lay;
  const Q = 1 << logQ;
  const size = n * Q;
  const sources = new Map<string, { vec: FVec; stride: number }>();
  const source = (key: string, b: PolyBatch, i: number): { vec: FVec; stride: number } => {
    let s = sources.get(key);
    if (s === undefined) sources.set(key, (s = quotientSource(b, i, logBlowup, logQ)));
    return s;
  };
  const pubSources = new Map<number, { vec: FVec; stride: number }>();
  const pubSource = (i: number): { vec: FVec; stride: number } => {
    let s = pubSources.get(i);
    if (s === undefined) pubSources.set(i, (s = { vec: lde(q.publicCoeffs[i]!, logQ, COSET_SHIFT), stride: 1 }));
    return s;
  };
  const nAdvice = q.circuit.advice.length;
  const omegaN = vPowers(rootOfUnity(lay.logN), n);
  const full = evAlloc(size);
  for (let c = 0; c < Q; c++) {
    const shift = mul(COSET_SHIFT, pow(rootOfUnity(lay.logN + logQ), c));
    const xs = new BigUint64Array(n);
    vScale(xs, omegaN, shift);
    const at = (key: string, b: PolyBatch, i: number): FVec => gather(source(key, b, i), n, Q, c);
    const alg = new VecAlgebra({
      size: n,
      stride: 1,
      advice: (i) => at(`a${i}`, q.advice, i),
      fixed: (i) => at(`f${i}`, q.fixed, i),
      mult: (i) => at(`a${nAdvice + i}`, q.advice, nAdvice + i),
      aux: (i) => ({ c0: at(`x${3 * i}`, q.aux, 3 * i), c1: at(`x${3 * i + 1}`, q.aux, 3 * i + 1), c2: at(`x${3 * i + 2}`, q.aux, 3 * i + 2) }),
      x: () => xs,
      publicPoly: (i) => gather(pubSource(i), n, Q, c),
    });
    const acc = evAlloc(n);
    let alphaPow: Ext = [1n, 0n, 0n];
    emitConstraints(q.circuit, lay, q.challenges, alg, (d, value) => {
      if (logQFor(d) === logQ) {
        const e = value();
        if ("base" in e) evAddScaledBase(acc, e.base, alphaPow);
        else evAddScaled(acc, e.ext, alphaPow);
      }
      alphaPow = extMul(alphaPow, q.alpha);
    });
    // Z_H(x) = x^n - 1 = shift^n - 1 on the whole sub-coset.
    const zhInv = inv(sub(pow(shift, n), 1n));
    for (const [k, v] of [acc.c0, acc.c1, acc.c2].entries()) {
      vScale(v, v, zhInv);
      scatter(k === 0 ? full.c0 : k === 1 ? full.c1 : full.c2, v, Q, c);
    }
  }
  return [full.c0, full.c1, full.c2].map((v) => cosetIntt(v, COSET_SHIFT));
}

/** An algebra that must never be evaluated: used to walk the constraint list for degrees only. */
const nullAlgebra = new Proxy({} as Algebra<never, never>, {
  get: () => () => {
    throw new Error("internal: constraint value requested while collecting degrees");
  },
});
