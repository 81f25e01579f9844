// MatMul(A, B) + C -> Gemm(A, B, C) when it means the same: A and B are 2-D, the MatMul result
// has no other user, C broadcasts unidirectionally to [M, N] (Gemm's rule, stricter than Add's)
// and the element type is one Gemm accepts.
import { FloatType, IntegerType, RankedTensorType, RewritePattern, type Operation, type PatternRewriter, type Value } from "@zkmlir/core";
import type { CanonicalizeStats } from "./stats.js";

const GEMM_TYPES = new Set(["f32", "f64", "i32", "i64"]);

function is2D(v: Value): boolean {
  return v.type instanceof RankedTensorType && v.type.rank === 2;
}

/** C's shape broadcasts to [m, n] without growing [m, n] (each dim 1 or equal, known). */
function broadcastsTo(c: Value, m: number, n: number): boolean {
  const t = c.type;
  if (!(t instanceof RankedTensorType) || t.rank > 2 || !t.hasStaticShape) return false;
  const target = [m, n].slice(2 - t.rank);
  return t.shape.every((d, i) => d === 1 || d === target[i]);
}

export class MatMulAddToGemmPattern extends RewritePattern {
  constructor(private readonly stats: CanonicalizeStats) {
    super({ root: "onnx.Add", name: "onnx-matmul-add-to-gemm" });
  }

  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean {
    for (const k of [0, 1]) {
      const mm = op.operand(k).definingOp;
      if (mm?.name !== "onnx.MatMul" || !mm.result(0).hasOneUse) continue;
      const [a, b] = [mm.operand(0), mm.operand(1)];
      const out = mm.result(0).type;
      if (!is2D(a) || !is2D(b) || !(out instanceof RankedTensorType) || !out.hasStaticShape) continue;
      const elt = out.elementType;
      if (!(elt instanceof FloatType || elt instanceof IntegerType) || !GEMM_TYPES.has(elt.key)) continue;
      const c = op.operand(1 - k);
      if (!broadcastsTo(c, out.shape[0]!, out.shape[1]!) || op.result(0).type !== out) continue;
      const gemm = rewriter.create({ name: "onnx.Gemm", operands: [a, b, c], resultTypes: [out], loc: op.loc });
      rewriter.replaceOp(op, gemm.results);
      rewriter.eraseOp(mm);
      this.stats.fused++;
      return true;
    }
    return rewriter.notifyMatchFailure(op, "no fusable 2-D MatMul operand");
  }
}
