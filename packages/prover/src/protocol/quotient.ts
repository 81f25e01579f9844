// Quotient t = (sum_k alpha^k C_k) / Z_H evaluated on the coset g * <w_{Qn}>, interpolated and
// split into d - 1 chunks of degree < n (t = sum_i X^(i n) t_i), each an extension polynomial.
import type { ConstraintSystem as Circuit } from "../circuit/constraint-system.js";
import {
  evAdd, evAlloc, evMulBase, evScale, extMul, inv, mul, pow, rootOfUnity, sub, vAdd, vPowers, vScale,
  type EVec, type Ext, type FVec,
} from "../field/index.js";
import { cosetIntt, lde } from "../ntt/index.js";
import { type Challenges, emitConstraints } from "./constraints.js";
import { COSET_SHIFT, type PolyBatch } from "./commit.js";
import type { Layout } from "./layout.js";
import { ConstraintError } from "../errors.js";
import { VecAlgebra } from "./vec-algebra.js";

/** Evaluations of a committed column on the quotient domain (a strided view of the LDE when it is larger). */
export function onQuotientDomain(b: PolyBatch, col: number, logBlowup: number, logQ: number): FVec {
  if (logBlowup >= logQ) {
    const src = b.lde[col]!;
    const stride = 1 << (logBlowup - logQ);
    if (stride === 1) return src;
    const out = new BigUint64Array(src.length / stride);
    for (let i = 0; i < out.length; i++) out[i] = src[i * stride]!;
    return out;
  }
  return lde(b.coeffs[col]!, logQ, COSET_SHIFT);
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

/** Returns 3 * numChunks coefficient columns: chunk i's extension components at 3i, 3i+1, 3i+2. */
export function quotientChunks(q: QuotientInputs): FVec[] {
  const { layout: lay, logBlowup } = q;
  const size = lay.n << lay.logQ;
  const get = (b: PolyBatch, i: number): FVec => onQuotientDomain(b, i, logBlowup, lay.logQ);
  const nAdvice = q.circuit.advice.length;
  const xs = vPowers(rootOfUnity(lay.logN + lay.logQ), size);
  vScale(xs, xs, COSET_SHIFT);
  const alg = new VecAlgebra({
    size,
    stride: 1 << lay.logQ,
    advice: (i) => get(q.advice, i),
    fixed: (i) => get(q.fixed, i),
    mult: (i) => get(q.advice, nAdvice + i),
    aux: (i) => ({ c0: get(q.aux, 3 * i), c1: get(q.aux, 3 * i + 1), c2: get(q.aux, 3 * i + 2) }),
    x: () => xs,
    publicPoly: (i) => lde(q.publicCoeffs[i]!, lay.logQ, COSET_SHIFT),
  });
  const acc = evAlloc(size);
  const tmp = evAlloc(size);
  let alphaPow: Ext = [1n, 0n, 0n];
  emitConstraints(q.circuit, lay, q.challenges, alg, (c) => {
    if ("base" in c) {
      vScale(tmp.c0, c.base, alphaPow[0]);
      vScale(tmp.c1, c.base, alphaPow[1]);
      vScale(tmp.c2, c.base, alphaPow[2]);
      vAdd(acc.c0, acc.c0, tmp.c0);
      vAdd(acc.c1, acc.c1, tmp.c1);
      vAdd(acc.c2, acc.c2, tmp.c2);
    } else {
      evScale(tmp, c.ext, alphaPow);
      evAdd(acc, acc, tmp);
    }
    alphaPow = extMul(alphaPow, q.alpha);
  });
  // 1 / Z_H(x) = 1 / (g^n w_Q^i - 1): periodic with period Q.
  const Q = 1 << lay.logQ;
  const gn = pow(COSET_SHIFT, lay.n);
  const wQ = rootOfUnity(lay.logQ);
  const period: bigint[] = [];
  for (let i = 0; i < Q; i++) period.push(inv(sub(mul(gn, pow(wQ, i)), 1n)));
  const zhInv = new BigUint64Array(size);
  for (let i = 0; i < size; i++) zhInv[i] = period[i % Q]!;
  evMulBase(acc, acc, zhInv);
  const comps = [acc.c0, acc.c1, acc.c2].map((v) => cosetIntt(v, COSET_SHIFT));
  // An honest t has degree < numChunks * n; anything above means the constraints do not hold.
  const tailNonZero = comps.some((c) => c.subarray(lay.numChunks * lay.n).some((x) => x !== 0n));
  if (tailNonZero && q.strict) throw new ConstraintError("quotient degree too high: the witness does not satisfy the constraints");
  const out: FVec[] = [];
  for (let i = 0; i < lay.numChunks; i++) for (const c of comps) out.push(c.slice(i * lay.n, (i + 1) * lay.n));
  return out;
}

