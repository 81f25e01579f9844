// Before lowering: onnx ops whose inputs are all constants are evaluated with the reference
// kernels when their result is data-dependent in shape (NonZero, Range, TopK, ...) or a small
// computation (shape arithmetic such as Shape -> Gather -> Concat feeding Reshape). What is left
// must have static shapes, or the conversion reports it.
import { Builder, DenseElementsAttr, InsertionPoint, RankedTensorType, allocData, dtypeOf, type Operation, type Tensor, type Value } from "@zkmlir/core";
import { ONNX_KERNELS, denseOfTensor, kernelAttrs, onnxPositions, tensorOfDense } from "@zkmlir/onnx-dialect";
import { constantOf } from "./util/constants.js";

/**
 * Ops always folded when their inputs are constant: their result shapes depend on values. (Ops
 * such as ConstantOfShape or Expand lower from their static result type instead, which keeps
 * big constants as a compact linalg.fill.)
 */
const DATA_DEPENDENT = new Set(["NonZero", "Range", "TopK", "Unique", "Compress"]);
/** Ops that only read their input's (static) shape. */
const SHAPE_QUERIES = new Set(["Shape", "Size"]);

/** A zero tensor standing for a statically shaped value whose shape alone is read. */
function shapeProbe(v: Value): DenseElementsAttr | undefined {
  const t = v.type;
  if (!(t instanceof RankedTensorType) || !t.hasStaticShape || !dtypeOf(t.elementType)) return undefined;
  return new DenseElementsAttr(t, allocData(dtypeOf(t.elementType)!, 1), true);
}

/** Other ops are folded only when every result is at most this many elements (shape math). */
const SMALL = 64;

export function foldConstantOnnxOps(root: Operation): number {
  const ops: Operation[] = [];
  root.walk((op) => { if (op.dialect === "onnx" && op.name !== "onnx.Constant") ops.push(op); }, "pre");
  let folded = 0;
  for (const op of ops) {
    const type = op.name.slice(5);
    const kernel = ONNX_KERNELS[type];
    if (!kernel || op.regions.length) continue;
    const consts = op.operandValues.map((v, i) => constantOf(v) ?? (i === 0 && SHAPE_QUERIES.has(type) ? shapeProbe(v) : undefined));
    if (consts.some((c) => !c)) continue;
    let inputs: (Tensor | undefined)[];
    try {
      const byPos = onnxPositions(op, "operands");
      inputs = byPos.map((k) => (k < 0 ? undefined : tensorOfDense(consts[k]!)));
    } catch {
      continue; // an element type the kernels cannot hold: leave it to the lowering
    }
    const sizeOk = (n: number) => DATA_DEPENDENT.has(type) || n <= SMALL;
    if (!SHAPE_QUERIES.has(type) && !inputs.every((t) => !t || sizeOk(t.size))) continue;
    let outs: Tensor[];
    try {
      outs = kernel(inputs, kernelAttrs(op), op.results.length);
    } catch {
      continue; // the lowering (or its error) handles it
    }
    const resPos = onnxPositions(op, "results");
    if (!resPos.every((r, p) => r < 0 || (outs[p] && sizeOk(outs[p]!.size)))) continue;
    const b = new Builder(InsertionPoint.before(op));
    resPos.forEach((r, p) => {
      if (r < 0) return;
      const value = denseOfTensor(outs[p]!);
      const c = b.create({ name: "onnx.Constant", resultTypes: [value.type], properties: { value }, loc: op.loc });
      op.result(r).replaceAllUsesWith(c.result(0));
    });
    op.erase();
    folded++;
  }
  return folded;
}
