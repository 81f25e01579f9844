// The differential check between levels: the same module run at "onnx" and at a lowered level
// must agree elementwise within a tolerance (fusion and lowering may reorder float sums).
import type { Operation, Tensor } from "@zkmlir/core";
import { runAtLevel, type Level } from "./levels.js";

export interface DiffTolerance { rtol: number; atol: number }
export const DIFF_TOLERANCE: DiffTolerance = { rtol: 1e-5, atol: 1e-6 };

export interface DiffResult {
  /** Largest |a - b| - rtol * |a| over all outputs (<= atol means they agree). */
  worst: number;
  /** The first disagreement, described; undefined when all outputs agree. */
  mismatch?: string;
}

/** Compares two output lists: same count, shapes, and values within tolerance (NaN = NaN). */
export function compareOutputs(want: readonly Tensor[], got: readonly Tensor[], tol: DiffTolerance = DIFF_TOLERANCE): DiffResult {
  if (want.length !== got.length) return { worst: Infinity, mismatch: `${got.length} outputs, expected ${want.length}` };
  let worst = 0;
  for (let k = 0; k < want.length; k++) {
    const a = want[k]!, b = got[k]!;
    if (a.shape.join() !== b.shape.join()) return { worst: Infinity, mismatch: `output #${k}: shape [${b.shape}] vs [${a.shape}]` };
    for (let i = 0; i < a.size; i++) {
      const x = Number(a.data[i]!), y = Number(b.data[i]!);
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      if (x === y) continue;
      const excess = Math.abs(x - y) - tol.rtol * Math.abs(x);
      if (!(excess <= tol.atol)) return { worst: Number.isNaN(excess) ? Infinity : excess, mismatch: `output #${k}[${i}]: ${y} vs ${x}` };
      worst = Math.max(worst, excess);
    }
  }
  return { worst };
}

/** Runs `module` at "onnx" and at `level` on the same inputs and compares the results. */
export function diffLevels(module: Operation, inputs: readonly Tensor[], level: Level = "linalg", tol: DiffTolerance = DIFF_TOLERANCE): DiffResult & { reference: Tensor[]; lowered: Tensor[] } {
  const reference = runAtLevel(module, "onnx", inputs);
  const lowered = runAtLevel(module, level, inputs);
  return { ...compareOutputs(reference, lowered, tol), reference, lowered };
}
