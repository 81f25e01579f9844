// Folds an onnx op whose inputs are all onnx.Constant by running its reference kernel (the same
// semantics the interpreter gives it). Tensors over `maxElements` are not folded (the constant
// would bloat the module; counted in skippedLarge). A kernel error leaves the op in place: it is
// the model's error and recurs, located, when the op runs.
import { RankedTensorType, RewritePattern, dtypeOf, shapeSize, type Operation, type PatternRewriter, type Tensor, type Value } from "@zkmlir/core";
import { ONNX_KERNELS, constantDenseValue, denseOfTensor, kernelAttrs, onnxPositions, tensorOfDense } from "@zkmlir/onnx-dialect";
import type { CanonicalizeStats } from "./stats.js";
import { canRetype } from "./values.js";

/** Default limit on folded tensor sizes (elements). */
export const MAX_FOLD_ELEMENTS = 1 << 20;

function constantTensor(v: Value): Tensor | undefined {
  const def = v.definingOp;
  if (def?.name !== "onnx.Constant") return undefined;
  const d = constantDenseValue(def);
  return d ? tensorOfDense(d) : undefined;
}

const elements = (t: Value["type"]): number => (t instanceof RankedTensorType && t.hasStaticShape ? shapeSize(t.shape) : 0);

export class ConstantFoldPattern extends RewritePattern {
  constructor(private readonly stats: CanonicalizeStats, private readonly maxElements = MAX_FOLD_ELEMENTS) {
    super({ name: "onnx-constant-fold" });
  }

  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean {
    if (!op.name.startsWith("onnx.") || op.name === "onnx.Constant" || !op.hasTrait("Pure") || op.regions.length || !op.operands.length) return false;
    const kernel = ONNX_KERNELS[op.name.slice("onnx.".length)];
    if (!kernel) return false;
    const args: Tensor[] = [];
    for (const o of op.operands) {
      const t = constantTensor(o.value);
      if (!t) return false;
      args.push(t);
    }
    if (args.some((t) => t.size > this.maxElements) || op.resultTypes.some((t) => elements(t) > this.maxElements)) {
      this.stats.skippedLarge++;
      return rewriter.notifyMatchFailure(op, `a tensor has more than ${this.maxElements} elements`);
    }
    const ins = onnxPositions(op, "operands").map((k) => (k < 0 ? undefined : args[k]));
    const outs = onnxPositions(op, "results");
    let produced: Tensor[];
    try {
      produced = kernel(ins, kernelAttrs(op), outs.length);
    } catch (e) {
      this.stats.failed++;
      return rewriter.notifyMatchFailure(op, `kernel failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const values: Value[] = new Array(op.results.length);
    const plan: [number, Tensor][] = [];
    for (let p = 0; p < outs.length; p++) {
      const r = outs[p]!;
      if (r < 0) continue;
      const t = produced[p];
      if (!t || t.size > this.maxElements) {
        if (t) this.stats.skippedLarge++;
        return rewriter.notifyMatchFailure(op, t ? "folded result too large" : `kernel returned no output #${p}`);
      }
      const res = op.result(r);
      const type = RankedTensorType.get(t.shape, res.type instanceof RankedTensorType ? res.type.elementType : denseOfTensor(t).elementType);
      const elt = dtypeOf(type.elementType);
      // Replace only with the declared element type, and a refined shape only where users allow it.
      if (elt !== t.dtype || !canRetype(res, type)) return rewriter.notifyMatchFailure(op, `kernel result ${type.key} cannot replace ${res.type.key}`);
      plan.push([r, t]);
    }
    for (const [r, t] of plan) {
      const value = denseOfTensor(t);
      const c = rewriter.create({ name: "onnx.Constant", resultTypes: [value.type], properties: { value }, loc: op.loc });
      values[r] = c.result(0);
    }
    rewriter.replaceOp(op, values);
    this.stats.folded++;
    return true;
  }
}
