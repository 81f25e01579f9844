// ColumnWork on a worker pool: every vector a job touches is in shared memory. Outputs are
// allocated there; inputs that are not (witness values, salts, quotient chunks) are copied once,
// a fixed batch made without SharedArrayBuffer once per key (setup normally makes it shared).
import type { FVec } from "../field/index.js";
import { tsHashLevel, type MerkleKernels } from "../merkle/backend.js";
import type { ColumnWork } from "../protocol/column-work.js";
import { subCosetCount, type Source } from "../protocol/quotient-coset.js";
import type { WorkerPool } from "./pool.js";
import { sharedVec, sharedWords, toShared } from "./shared.js";

/** Leaves per Merkle task: several tasks per thread for balance, each big enough to amortize a message. */
const MIN_MERKLE_ROWS = 1 << 12;
const MERKLE_TASKS_PER_THREAD = 4;

/** Shared copies of vectors that outlive one proof (the fixed batch), keyed by the original. */
const sharedCopies = new WeakMap<FVec, FVec>();

function sharedCached(v: FVec): FVec {
  let s = sharedCopies.get(v);
  if (s === undefined) sharedCopies.set(v, (s = toShared(v)));
  return s;
}

function merkleKernels(pool: WorkerPool): MerkleKernels {
  return {
    name: `parallel-${pool.threads}`,
    buildLevels(cols, height) {
      const n = cols[0]!.length;
      const wanted = Math.max(MIN_MERKLE_ROWS, n / (pool.threads * MERKLE_TASKS_PER_THREAD));
      const rowsPerTask = Math.min(n, 1 << Math.ceil(Math.log2(wanted)));
      // Each task builds its subtree up to the level where it is one node (or up to height).
      const taskHeight = Math.min(height, Math.log2(rowsPerTask));
      const levels = Array.from({ length: taskHeight + 1 }, (_, k) => sharedWords(8 * (n >> k)));
      pool.run({ kind: "merkle", cols: cols.map(toShared), rowsPerTask, levels }, n / rowsPerTask);
      const all: Uint32Array[] = levels;
      for (let k = taskHeight + 1; k <= height; k++) all.push(tsHashLevel(all[k - 1]!));
      return all;
    },
  };
}

export function parallelWork(pool: WorkerPool): ColumnWork {
  return {
    threads: pool.threads,
    merkle: merkleKernels(pool),
    alloc: sharedVec,
    interpolateAll(values) {
      const outputs = values.map((v) => sharedVec(v.length));
      pool.run({ kind: "interpolate", inputs: values.map(toShared), outputs }, values.length);
      return outputs;
    },
    ldeAll(coeffs, logBlowup, shift) {
      const outputs = coeffs.map((c) => sharedVec(c.length << logBlowup));
      pool.run({ kind: "lde", inputs: coeffs.map(toShared), outputs, logBlowup, shift }, coeffs.length);
      return outputs;
    },
    cosetInttAll(evals, shift) {
      const outputs = evals.map((v) => sharedVec(v.length));
      pool.run({ kind: "cosetIntt", inputs: evals.map(toShared), outputs, shift }, evals.length);
      return outputs;
    },
    subCosets(jobs) {
      const shared = jobs.map((job) => {
        const sources: Record<string, Source> = {};
        for (const [k, s] of Object.entries(job.sources)) sources[k] = { vec: sharedCached(s.vec), stride: s.stride };
        return { ...job, sources };
      });
      pool.run({ kind: "subCoset", jobs: shared }, subCosetCount(shared));
    },
  };
}
