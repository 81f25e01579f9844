// Column-parallel jobs: a job is `count` independent tasks, task i writes only its own slice of
// the job's shared outputs, so any thread may run any task and the result does not depend on
// which one did (proofs stay byte-identical with and without workers). Tasks never work in place
// and write only final values, so running a task twice, even concurrently, is harmless (the
// caller redoes the task of a worker that died, see claim.ts).
import type { FVec } from "../field/index.js";
import { merkleKernels } from "../merkle/backend.js";
import { cosetIntt, interpolate, lde } from "../ntt/index.js";
import { evalSubCosetTask, type SubCosetJob } from "../protocol/quotient-coset.js";

export type Job =
  /** Task i: outputs[i] = coefficients of the evaluations inputs[i] on <w_n>. */
  | { readonly kind: "interpolate"; readonly inputs: readonly FVec[]; readonly outputs: readonly FVec[] }
  /** Task i: outputs[i] = coefficients of the evaluations inputs[i] on shift * <w_n>. */
  | { readonly kind: "cosetIntt"; readonly inputs: readonly FVec[]; readonly outputs: readonly FVec[]; readonly shift: bigint }
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
    case "interpolate":
      return void job.outputs[i]!.set(interpolate(job.inputs[i]!));
    case "cosetIntt":
      return void job.outputs[i]!.set(cosetIntt(job.inputs[i]!, job.shift));
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
