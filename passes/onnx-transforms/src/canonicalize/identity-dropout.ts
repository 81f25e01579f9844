// Identity forwards its input; Dropout in inference mode (training_mode absent or a constant
// false) is an Identity whose mask output must be unused to drop it.
import { RewritePattern, type Operation, type PatternRewriter } from "@zkmlir/core";
import type { CanonicalizeStats } from "./stats.js";
import { canReplace, constantInts, onnxInput } from "./values.js";

export class DropIdentityPattern extends RewritePattern {
  constructor(private readonly stats: CanonicalizeStats) {
    super({ root: "onnx.Identity", name: "onnx-drop-identity" });
  }

  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean {
    const x = op.operand(0);
    if (!canReplace(op.result(0), x)) return rewriter.notifyMatchFailure(op, `input type ${x.type.key} cannot stand for ${op.result(0).type.key}`);
    rewriter.replaceOp(op, [x]);
    this.stats.removed++;
    return true;
  }
}

export class DropInferenceDropoutPattern extends RewritePattern {
  constructor(private readonly stats: CanonicalizeStats) {
    super({ root: "onnx.Dropout", name: "onnx-drop-inference-dropout" });
  }

  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean {
    const training = onnxInput(op, 2);
    if (training && constantInts(training)?.[0] !== 0) return rewriter.notifyMatchFailure(op, "training_mode is not a constant false");
    if (op.results.length > 1 && op.result(1).hasUses) return rewriter.notifyMatchFailure(op, "the mask output is used");
    const x = op.operand(0);
    if (!canReplace(op.result(0), x)) return rewriter.notifyMatchFailure(op, "input type cannot stand for the output's");
    rewriter.replaceOp(op, op.results.map((r, i) => (i === 0 ? x : r)));
    this.stats.removed++;
    return true;
  }
}
