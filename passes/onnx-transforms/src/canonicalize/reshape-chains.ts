// Reshape(Reshape(x, s1), s2) -> Reshape(x, s2) when s2 is a constant that copies no dim from the
// inner result (no 0 entries unless allowzero); a Reshape to its input's own static type -> input.
import { RankedTensorType, RewritePattern, type Operation, type PatternRewriter } from "@zkmlir/core";
import type { CanonicalizeStats } from "./stats.js";
import { constantInts, intAttr } from "./values.js";

export class ReshapeChainPattern extends RewritePattern {
  constructor(private readonly stats: CanonicalizeStats) {
    super({ root: "onnx.Reshape", name: "onnx-reshape-chain" });
  }

  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean {
    const x = op.operand(0);
    const t = op.result(0).type;
    if (x.type === t && t instanceof RankedTensorType && t.hasStaticShape) {
      rewriter.replaceOp(op, [x]);
      this.stats.removed++;
      return true;
    }
    const inner = x.definingOp;
    if (inner?.name !== "onnx.Reshape") return rewriter.notifyMatchFailure(op, "input is not a Reshape");
    const spec = constantInts(op.operand(1));
    if (!spec || (spec.includes(0) && intAttr(op, "allowzero", 0) === 0)) return rewriter.notifyMatchFailure(op, "shape is not a constant free of 0 (copy) entries");
    const src = inner.operand(0);
    if (src.type === t && t instanceof RankedTensorType && t.hasStaticShape) {
      rewriter.replaceOp(op, [src]); // back to the source's own shape
    } else {
      const fused = rewriter.create({ name: "onnx.Reshape", operands: [src, op.operand(1)], resultTypes: [t], properties: op.properties, loc: op.loc });
      rewriter.replaceOp(op, fused.results);
    }
    this.stats.fused++;
    return true;
  }
}
