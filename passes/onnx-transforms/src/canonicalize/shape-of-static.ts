// Shape and Size of a statically shaped value are constants even when the value is not:
// this is what collapses PyTorch's Shape -> Gather -> Unsqueeze -> Concat -> Reshape chains.
import { RankedTensorType, RewritePattern, Tensor, shapeSize, type Operation, type PatternRewriter } from "@zkmlir/core";
import { denseOfTensor } from "@zkmlir/onnx-dialect";
import type { CanonicalizeStats } from "./stats.js";
import { canRetype, intAttr, onnxInput } from "./values.js";

export class ShapeOfStaticPattern extends RewritePattern {
  constructor(private readonly stats: CanonicalizeStats) {
    super({ name: "onnx-shape-of-static" });
  }

  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean {
    if (op.name !== "onnx.Shape" && op.name !== "onnx.Size") return false;
    const t = onnxInput(op, 0)?.type;
    if (!(t instanceof RankedTensorType)) return false;
    let value: Tensor;
    if (op.name === "onnx.Size") {
      if (!t.hasStaticShape) return false;
      value = Tensor.scalar("i64", shapeSize(t.shape));
    } else {
      const clamp = (b: number): number => Math.min(Math.max(b < 0 ? b + t.rank : b, 0), t.rank);
      const start = clamp(intAttr(op, "start", 0));
      const dims = t.shape.slice(start, Math.max(start, clamp(intAttr(op, "end", t.rank))));
      if (dims.some((d) => d < 0)) return false;
      value = Tensor.fromArray("i64", [dims.length], dims);
    }
    const dense = denseOfTensor(value);
    if (!canRetype(op.result(0), dense.type)) return rewriter.notifyMatchFailure(op, `a non-onnx user needs ${op.result(0).type.key}`);
    const c = rewriter.create({ name: "onnx.Constant", resultTypes: [dense.type], properties: { value: dense }, loc: op.loc });
    rewriter.replaceOp(op, [c.result(0)]);
    this.stats.folded++;
    return true;
  }
}
