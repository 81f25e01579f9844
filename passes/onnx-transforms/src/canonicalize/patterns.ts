// The onnx canonicalization pattern set and the greedy run that applies it.
import { applyPatternsGreedily, type Context, type GreedyRewriteResult, type Operation, type RewritePattern } from "@zkmlir/core";
import { OnnxDialect } from "@zkmlir/onnx-dialect";
import { ConstantFoldPattern, MAX_FOLD_ELEMENTS } from "./constant-fold.js";
import { DropIdentityPattern, DropInferenceDropoutPattern } from "./identity-dropout.js";
import { MatMulAddToGemmPattern } from "./matmul-add-gemm.js";
import { ReshapeChainPattern } from "./reshape-chains.js";
import { ShapeOfStaticPattern } from "./shape-of-static.js";
import { SqueezePairPattern } from "./squeeze-pairs.js";
import { newStats, type CanonicalizeStats } from "./stats.js";
import { TransposeChainPattern } from "./transpose-chains.js";

export interface OnnxCanonicalizeOptions {
  /** Largest tensor (elements) constant folding creates or reads (default 2^20). */
  readonly maxFoldElements?: number;
  /** Greedy driver iterations (default 10). */
  readonly maxIterations?: number;
  /** Materializes folded constants of other dialects (func/arith); onnx is always known. */
  readonly context?: Context;
}

export function onnxCanonicalizationPatterns(stats: CanonicalizeStats, maxFoldElements = MAX_FOLD_ELEMENTS): RewritePattern[] {
  return [
    new ConstantFoldPattern(stats, maxFoldElements),
    new ShapeOfStaticPattern(stats),
    new DropIdentityPattern(stats),
    new DropInferenceDropoutPattern(stats),
    new MatMulAddToGemmPattern(stats),
    new ReshapeChainPattern(stats),
    new TransposeChainPattern(stats),
    new SqueezePairPattern(stats, "onnx.Squeeze"),
    new SqueezePairPattern(stats, "onnx.Unsqueeze"),
  ];
}

export interface OnnxCanonicalizeResult {
  readonly greedy: GreedyRewriteResult;
  readonly stats: CanonicalizeStats;
}

/** Applies the onnx patterns (and op folders) to the ops nested in `root` until a fixed point. */
export function canonicalizeOnnx(root: Operation, opts: OnnxCanonicalizeOptions = {}): OnnxCanonicalizeResult {
  const stats = newStats();
  const ctx = opts.context;
  const greedy = applyPatternsGreedily(root, onnxCanonicalizationPatterns(stats, opts.maxFoldElements), {
    dialectOf: (name) => (name === "onnx" ? OnnxDialect : ctx?.getDialect(name)),
    maxIterations: opts.maxIterations ?? 10,
    useTopDownTraversal: true,
    throwOnNonConvergence: false,
  });
  return { greedy, stats };
}
