// `onnx-canonicalize`: kernel constant folding, Shape/Size of static shapes, Identity and
// inference-Dropout removal, MatMul+Add -> Gemm, Reshape/Transpose/Squeeze chains.
import { Pass, type Context, type Operation } from "@zkmlir/core";
import { MAX_FOLD_ELEMENTS } from "./canonicalize/constant-fold.js";
import { canonicalizeOnnx, type OnnxCanonicalizeResult } from "./canonicalize/patterns.js";

/** Shared by onnx-canonicalize and onnx-simplify: the statistics both report. */
export function recordCanonicalizeStats(pass: Pass, r: OnnxCanonicalizeResult): void {
  pass.stat("num-folded", r.stats.folded);
  pass.stat("num-removed", r.stats.removed);
  pass.stat("num-fused", r.stats.fused);
  pass.stat("num-fold-skipped-large", r.stats.skippedLarge);
  pass.stat("num-fold-failed", r.stats.failed);
  pass.stat("num-erased", r.greedy.numErased);
  if (!r.greedy.converged) pass.stat("num-not-converged");
}

export const CANONICALIZE_OPTIONS = {
  "max-iterations": { type: "int" as const, default: 10, description: "Max. greedy iterations over the IR" },
  "max-fold-elements": { type: "int" as const, default: MAX_FOLD_ELEMENTS, description: "Do not fold tensors with more elements than this" },
};

export class OnnxCanonicalizePass extends Pass {
  readonly argument = "onnx-canonicalize";
  readonly description = "Fold constant onnx ops with the reference kernels and simplify onnx op patterns";
  override readonly optionSpecs = CANONICALIZE_OPTIONS;

  constructor(private readonly dialectContext?: Context) {
    super();
  }

  run(op: Operation): void {
    const r = canonicalizeOnnx(op, {
      context: this.dialectContext,
      maxIterations: this.opt<number>("max-iterations"),
      maxFoldElements: this.opt<number>("max-fold-elements"),
    });
    recordCanonicalizeStats(this, r);
  }
}
