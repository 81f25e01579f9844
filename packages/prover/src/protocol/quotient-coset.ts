// One sub-coset of a quotient domain: sum alpha^k C_k / Z_H over the constraints of one degree
// group, on the c-th coset of <w_n> inside g * <w_{Qn}>. Sub-cosets are independent, so they are
// the unit of column-parallel work (worker threads run this same function on shared buffers).
import type { ConstraintSystem as Circuit } from "../circuit/constraint-system.js";
import {
  evAddScaled, evAddScaledBase, evAlloc, extMul, inv, mul, pow, rootOfUnity, sub, vPowers, vScale,
  type Ext, type FVec,
} from "../field/index.js";
import { type Algebra, type Challenges, emitConstraints } from "./constraints.js";
import { COSET_SHIFT } from "./domain.js";
import type { Layout } from "./layout.js";
import { VecAlgebra } from "./vec-algebra.js";

/** A column's values on the quotient domain: index i is at vec[i * stride]. */
export interface Source {
  readonly vec: FVec;
  readonly stride: number;
}

export interface SubCosetJob {
  readonly circuit: Circuit;
  readonly layout: Layout;
  readonly challenges: Challenges;
  readonly alpha: Ext;
  readonly logQ: number;
  /** Keyed by sourceKey(): a<i> advice batch column, f<i> fixed, x<i> aux base column, p<i> public. */
  readonly sources: Readonly<Record<string, Source>>;
  /** Output: the group's share of t on g * <w_{Qn}> (3 components, length Q n, natural order). */
  readonly out: readonly [FVec, FVec, FVec];
}

export type SourceKind = "a" | "f" | "x" | "p";
export const sourceKey = (kind: SourceKind, i: number): string => `${kind}${i}`;

/** log2 of the smallest power of two >= d - 1: the quotient-domain factor a degree-d constraint needs. */
export function logQFor(d: number): number {
  let l = 0;
  while (1 << l < d - 1) l++;
  return l;
}

/** Values on the c-th sub-coset (indices i = j Q + c, a coset of <w_n>), gathered into a length-n vector. */
function gather(src: Source, n: number, Q: number, c: number): FVec {
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

/** Writes sub-coset c of the group's share of t into job.out (entries j Q + c). */
export function evalSubCoset(job: SubCosetJob, c: number): void {
  const { layout: lay, logQ } = job;
  const { n } = lay;
  const Q = 1 << logQ;
  const nAdvice = job.circuit.advice.length;
  const at = (kind: SourceKind, i: number): FVec => {
    const s = job.sources[sourceKey(kind, i)];
    if (s === undefined) throw new Error(`internal: quotient source ${sourceKey(kind, i)} was not prepared`);
    return gather(s, n, Q, c);
  };
  const shift = mul(COSET_SHIFT, pow(rootOfUnity(lay.logN + logQ), c));
  const xs = new BigUint64Array(n);
  vScale(xs, vPowers(rootOfUnity(lay.logN), n), shift);
  const alg = new VecAlgebra({
    size: n,
    stride: 1,
    advice: (i) => at("a", i),
    fixed: (i) => at("f", i),
    mult: (i) => at("a", nAdvice + i),
    aux: (i) => ({ c0: at("x", 3 * i), c1: at("x", 3 * i + 1), c2: at("x", 3 * i + 2) }),
    x: () => xs,
    publicPoly: (i) => at("p", i),
  });
  const acc = evAlloc(n);
  let alphaPow: Ext = [1n, 0n, 0n];
  emitConstraints(job.circuit, lay, job.challenges, alg, (d, value) => {
    if (logQFor(d) === logQ) {
      const e = value();
      if ("base" in e) evAddScaledBase(acc, e.base, alphaPow);
      else evAddScaled(acc, e.ext, alphaPow);
    }
    alphaPow = extMul(alphaPow, job.alpha);
  });
  // Z_H(x) = x^n - 1 = shift^n - 1 on the whole sub-coset.
  const zhInv = inv(sub(pow(shift, n), 1n));
  for (const [k, v] of [acc.c0, acc.c1, acc.c2].entries()) {
    vScale(v, v, zhInv);
    scatter(job.out[k]!, v, Q, c);
  }
}

/** Sub-cosets of several jobs, numbered job after job: how many, and run number t. */
export function subCosetCount(jobs: readonly SubCosetJob[]): number {
  return jobs.reduce((s, j) => s + (1 << j.logQ), 0);
}

export function evalSubCosetTask(jobs: readonly SubCosetJob[], t: number): void {
  for (const job of jobs) {
    const Q = 1 << job.logQ;
    if (t < Q) return evalSubCoset(job, t);
    t -= Q;
  }
  throw new Error(`internal: sub-coset task out of range (${t} past the end)`);
}

/**
 * The source keys a group's constraints read, found by walking the constraint list with an
 * algebra that records column accesses and computes nothing (so only needed LDEs are made).
 */
export function neededSources(circuit: Circuit, lay: Layout, ch: Challenges, logQ: number): string[] {
  const keys = new Set<string>();
  const nAdvice = circuit.advice.length;
  const record: Record<string, (i: number) => void> = {
    advice: (i) => keys.add(sourceKey("a", i)),
    fixed: (i) => keys.add(sourceKey("f", i)),
    mult: (i) => keys.add(sourceKey("a", nAdvice + i)),
    aux: (i) => [0, 1, 2].forEach((k) => keys.add(sourceKey("x", 3 * i + k))),
    publicPoly: (i) => keys.add(sourceKey("p", i)),
  };
  const recorder = new Proxy({} as Algebra<null, null>, {
    get: (_, name) => (i: unknown) => {
      if (typeof name === "string" && name in record) record[name]!(i as number);
      return null;
    },
  });
  emitConstraints(circuit, lay, ch, recorder, (d, value) => {
    if (logQFor(d) === logQ) value();
  });
  return [...keys];
}
