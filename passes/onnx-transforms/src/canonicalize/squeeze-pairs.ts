// Squeeze(Unsqueeze(x, a), a) -> x and Unsqueeze(Squeeze(x, a), a) -> x: the same axes removed
// and re-inserted. Axes are compared normalised (the outer rank of the pair) and must be explicit
// (a Squeeze without axes depends on which dims are 1).
import { RankedTensorType, RewritePattern, type Operation, type PatternRewriter, type Value } from "@zkmlir/core";
import type { CanonicalizeStats } from "./stats.js";
import { canReplace, constantInts, intListAttr, onnxInput, rankOf } from "./values.js";

function axesOf(op: Operation): number[] | undefined {
  const input = onnxInput(op, 1);
  return input ? constantInts(input) : intListAttr(op, "axes");
}

/** Sorted axes normalised against `rank`, or undefined if out of range. */
function norm(axes: readonly number[], rank: number): number[] | undefined {
  const out = axes.map((a) => (a < 0 ? a + rank : a));
  return out.every((a) => a >= 0 && a < rank) ? out.sort((a, b) => a - b) : undefined;
}

const same = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);

export class SqueezePairPattern extends RewritePattern {
  constructor(private readonly stats: CanonicalizeStats, root: "onnx.Squeeze" | "onnx.Unsqueeze") {
    super({ root, name: `onnx-${root === "onnx.Squeeze" ? "squeeze-unsqueeze" : "unsqueeze-squeeze"}-pair` });
  }

  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean {
    const pair: Record<string, string> = { "onnx.Squeeze": "onnx.Unsqueeze", "onnx.Unsqueeze": "onnx.Squeeze" };
    const innerName = pair[op.name];
    const inner = op.operand(0).definingOp;
    if (!innerName || inner?.name !== innerName) return false;
    const src: Value = inner.operand(0);
    // The rank at which axes index: the unsqueezed side (Squeeze's input / Unsqueeze's output).
    const wide = op.name === "onnx.Squeeze" ? rankOf(op.operand(0)) : rankOf(src);
    if (wide === undefined) return rewriter.notifyMatchFailure(op, "unknown rank");
    const a = axesOf(op), b = axesOf(inner);
    if (!a || !b || !same(norm(a, wide), norm(b, wide))) return rewriter.notifyMatchFailure(op, "axes differ or are not constant");
    const axes = norm(a, wide)!;
    const st = src.type;
    // Unsqueeze(Squeeze(x)) is x only where Squeeze was valid: those dims of x are known 1.
    if (op.name === "onnx.Unsqueeze" && !(st instanceof RankedTensorType && axes.every((k) => st.shape[k] === 1))) {
      return rewriter.notifyMatchFailure(op, "squeezed dims are not known to be 1");
    }
    if (!canReplace(op.result(0), src)) return rewriter.notifyMatchFailure(op, "source type cannot stand for the result's");
    this.stats.removed += inner.result(0).hasOneUse ? 2 : 1;
    rewriter.replaceOp(op, [src]);
    return true;
  }
}
