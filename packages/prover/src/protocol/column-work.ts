// The column-parallel phases behind one interface: per-column interpolation and LDE, Merkle
// hashing, quotient sub-cosets. `serialWork` runs them on the calling thread; the worker-thread
// implementation (src/parallel) must give byte-identical results.
import type { FVec } from "../field/index.js";
import type { MerkleKernels } from "../merkle/backend.js";
import { cosetIntt, interpolate, lde } from "../ntt/index.js";
import { evalSubCoset, type SubCosetJob } from "./quotient-coset.js";

export interface ColumnWork {
  /** Threads doing the work, the calling thread included; 1 = no workers. */
  readonly threads: number;
  /** Merkle hashing kernels for commitments; undefined = the default kernels. */
  readonly merkle: MerkleKernels | undefined;
  /** A zeroed vector the work's threads can write (shared memory when parallel). */
  alloc(n: number): FVec;
  interpolateAll(values: readonly FVec[]): FVec[];
  ldeAll(coeffs: readonly FVec[], logBlowup: number, shift: bigint): FVec[];
  /** Coefficients from evaluations on shift * <w_len>, per vector. */
  cosetInttAll(evals: readonly FVec[], shift: bigint): FVec[];
  /** evalSubCoset for every sub-coset c in [0, 2^logQ) of every job. */
  subCosets(jobs: readonly SubCosetJob[]): void;
}

/** The calling thread does everything; `alloc` decides where LDEs and outputs live. */
function serialWorkWith(alloc: (n: number) => FVec): ColumnWork {
  return {
    threads: 1,
    merkle: undefined,
    alloc,
    interpolateAll: (values) => values.map((v) => interpolate(v)),
    ldeAll: (coeffs, logBlowup, shift) => coeffs.map((c) => lde(c, logBlowup, shift, alloc(c.length << logBlowup))),
    cosetInttAll: (evals, shift) => evals.map((v) => cosetIntt(v, shift)),
    subCosets(jobs) {
      for (const job of jobs) for (let c = 0; c < 1 << job.logQ; c++) evalSubCoset(job, c);
    },
  };
}

export const serialWork: ColumnWork = serialWorkWith((n) => new BigUint64Array(n));

/**
 * Serial, with LDEs in shared memory where the platform has it: for the prover key's fixed batch,
 * which worker threads of later proofs then read in place instead of copying.
 */
export const sharedSerialWork: ColumnWork = serialWorkWith((n) =>
  typeof SharedArrayBuffer === "undefined" ? new BigUint64Array(n) : new BigUint64Array(new SharedArrayBuffer(8 * n)),
);
