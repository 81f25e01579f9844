// Column-parallel jobs: a job is `count` independent tasks, task i writes only its own slice of
// the job's shared outputs, so any thread may run any task and the result does not depend on
// which one did (proofs stay byte-identical with and without workers).
import type { FVec } from "../field/index.js";
import { merkleKernels } from "../merkle/backend.js";
import { cosetIntt, intt, lde } from "../ntt/index.js";
import { evalSubCosetTask, type SubCosetJob } from "../protocol/quotient-coset.js";

export type Job =
  /** Task i: vecs[i] from evaluations on <w_n> to coefficients, in place. */
  | { readonly kind: "intt"; readonly vecs: readonly FVec[] }
  /** Task i: vecs[i] from evaluations on shift * <w_n> to coefficients, in place. */
  | { readonly kind: "cosetIntt"; readonly vecs: readonly FVec[]; readonly shift: bigint }
  /** Task i: outputs[i] = LDE of coefficient column inputs[i]. */
  | { readonly kind: "lde"; readonly inputs: readonly FVec[]; readonly outputs: readonly FVec[]; readonly logBlowup: number; readonly shift: bigint }
  /**
   * Task i: leaf digests of rows [i R, (i + 1) R) and their subtree up to levels.length - 1;
   * levels[k] holds 8 words per node, task i writes nodes [i R >> k, (i + 1) R >> k).
   */
  | { readonly kind: "merkle"; readonly cols: readonly FVec[]; readonly rowsPerTask: number; readonly levels: readonly Uint32Array[] }
  /** Task t: sub-coset t of the quotient groups' jobs, numbered job after job (quotient-coset.ts). */
  | { readonly kind: "subCoset"; readonly jobs: readonly SubCosetJob[] };

export function runTask(job: Job, i: number): void {
  switch (job.kind) {
    case "intt":
      return intt(job.vecs[i]!);
    case "cosetIntt":
      return void job.vecs[i]!.set(cosetIntt(job.vecs[i]!, job.shift));
    case "lde":
      return void lde(job.inputs[i]!, job.logBlowup, job.shift, job.outputs[i]!);
    case "merkle": {
      const R = job.rowsPerTask;
      const rows = job.cols.map((c) => c.subarray(i * R, (i + 1) * R));
      const levels = merkleKernels().buildLevels(rows, job.levels.length - 1);
      levels.forEach((lv, k) => job.levels[k]!.set(lv, 8 * ((i * R) >> k)));
      return;
    }
    case "subCoset":
      return evalSubCosetTask(job.jobs, i);
  }
}
