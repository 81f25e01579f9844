// Quotient t = (sum_k alpha^k C_k) / Z_H evaluated on the coset g * <w_{Qn}>, interpolated and
// split at stride s = n - h into chunks of degree < s (t = sum_i X^(i s) t_i), each an extension
// polynomial held in n coefficients so that quotient-mask.ts can fill the top h.
import type { ConstraintSystem as Circuit } from "../circuit/constraint-system.js";
import { vAdd, type Ext, type FVec } from "../field/index.js";
import type { Algebra, Challenges } from "./constraints.js";
import { emitConstraints } from "./constraints.js";
import { COSET_SHIFT, type PolyBatch } from "./commit.js";
import { serialWork, type ColumnWork } from "./column-work.js";
import type { Layout } from "./layout.js";
import { ConstraintError } from "../errors.js";
import { logQFor, neededSources, type Source, type SubCosetJob } from "./quotient-coset.js";

export { logQFor };

/**
 * Where a committed column's values on the quotient domain g * <w_{Qn}> live: index i is at
 * vec[i * stride]. The FRI LDE already holds them when blowup >= Q; otherwise null (an LDE is needed).
 */
export function quotientSource(b: PolyBatch, col: number, logBlowup: number, logQ: number): Source | null {
  if (logBlowup >= logQ) return { vec: b.lde[col]!, stride: 1 << (logBlowup - logQ) };
  return null;
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

/**
 * Returns 3 * numChunks coefficient columns of length n: chunk i's extension components at 3i,
 * 3i+1, 3i+2, unmasked (coefficients >= chunkStride are zero).
 * Constraints are grouped by the domain their degree needs (Q n, Q = 2^logQFor(d)), so only the
 * high-degree ones pay for the largest coset; each group's share of t is interpolated and added.
 * A domain is processed one sub-coset of size n at a time (cache-sized vectors; Z_H is constant
 * on each), then interleaved back for the interpolation.
 */
export function quotientChunks(q: QuotientInputs, work: ColumnWork = serialWork): FVec[] {
  const { layout: lay } = q;
  const { n } = lay;
  const groups = new Set<number>();
  emitConstraints(q.circuit, lay, q.challenges, nullAlgebra, (d) => void groups.add(logQFor(d)));
  const total = [0, 1, 2].map(() => new BigUint64Array(n << lay.logQ));
  // All groups in one batch of sub-cosets, the largest domains first (for the threads' balance).
  const jobs = [...groups].sort((a, b) => b - a).map((logQ) => groupJob(q, logQ, work));
  work.subCosets(jobs);
  const coeffs = work.cosetInttAll(jobs.flatMap((j) => j.out), COSET_SHIFT);
  for (let g = 0; g < jobs.length; g++) {
    const part = coeffs.slice(3 * g, 3 * g + 3);
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

/** The job for one group: its sources and room for sum alpha^k C_k / Z_H on its domain (3 components, length Q n). */
function groupJob(q: QuotientInputs, logQ: number, work: ColumnWork): SubCosetJob {
  const size = q.layout.n << logQ;
  const keys = neededSources(q.circuit, q.layout, q.challenges, logQ);
  const sources: Record<string, Source> = {};
  const missing: { key: string; coeffs: FVec }[] = [];
  const batches: Record<string, PolyBatch> = { a: q.advice, f: q.fixed, x: q.aux };
  for (const key of keys) {
    const i = Number(key.slice(1));
    const b = batches[key[0]!];
    const s = b === undefined ? null : quotientSource(b, i, q.logBlowup, logQ);
    if (s !== null) sources[key] = s;
    else missing.push({ key, coeffs: b === undefined ? q.publicCoeffs[i]! : b.coeffs[i]! });
  }
  const ldes = work.ldeAll(missing.map((m) => m.coeffs), logQ, COSET_SHIFT);
  missing.forEach((m, k) => (sources[m.key] = { vec: ldes[k]!, stride: 1 }));
  const out = [work.alloc(size), work.alloc(size), work.alloc(size)] as const;
  return { circuit: q.circuit, layout: q.layout, challenges: q.challenges, alpha: q.alpha, logQ, sources, out };
}

/** An algebra that must never be evaluated: used to walk the constraint list for degrees only. */
const nullAlgebra = new Proxy({} as Algebra<never, never>, {
  get: () => () => {
    throw new Error("internal: constraint value requested while collecting degrees");
  },
});
