// Transpose(Transpose(x, p1), p2) = Transpose(x, q) with q[i] = p1[p2[i]]; an identity
// permutation is x itself. Default perms (reversal) need the rank.
import { RewritePattern, type Operation, type PatternRewriter, type Value } from "@zkmlir/core";
import type { CanonicalizeStats } from "./stats.js";
import { canReplace, i64List, intListAttr, rankOf } from "./values.js";

function permOf(op: Operation, input: Value): number[] | undefined {
  const p = intListAttr(op, "perm");
  if (p) return p;
  const r = rankOf(input);
  return r === undefined ? undefined : Array.from({ length: r }, (_, i) => r - 1 - i);
}

const isIdentity = (p: readonly number[]): boolean => p.every((x, i) => x === i);

export class TransposeChainPattern extends RewritePattern {
  constructor(private readonly stats: CanonicalizeStats) {
    super({ root: "onnx.Transpose", name: "onnx-transpose-chain" });
  }

  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean {
    const x = op.operand(0);
    const outer = permOf(op, x);
    if (!outer) return rewriter.notifyMatchFailure(op, "unknown rank");
    if (isIdentity(outer) && canReplace(op.result(0), x)) {
      rewriter.replaceOp(op, [x]);
      this.stats.removed++;
      return true;
    }
    const inner = x.definingOp;
    if (inner?.name !== "onnx.Transpose") return rewriter.notifyMatchFailure(op, "input is not a Transpose");
    const src = inner.operand(0);
    const p1 = permOf(inner, src);
    if (!p1 || p1.length !== outer.length) return rewriter.notifyMatchFailure(op, "inner permutation unknown");
    const q = outer.map((i) => p1[i]!);
    if (isIdentity(q)) {
      if (!canReplace(op.result(0), src)) return rewriter.notifyMatchFailure(op, "source type cannot stand for the result's");
      rewriter.replaceOp(op, [src]);
    } else {
      const t = rewriter.create({ name: "onnx.Transpose", operands: [src], resultTypes: op.resultTypes, properties: { perm: i64List(q) }, loc: op.loc });
      rewriter.replaceOp(op, t.results);
    }
    this.stats.fused++;
    return true;
  }
}
