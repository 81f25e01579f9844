// Inputs whose values decide shapes or positions (Reshape's shape, Slice's starts, Pad's pads,
// reduction axes, TopK's k, Resize's scales, Range's bounds, ... directly or through arithmetic on
// them) become constants of their given values when a module is run at a lowered level: the
// lowering needs them at compile time, as it needs static shapes. The module is then specialized
// to those values. Data that reaches a parameter only through Shape or Size (which read the
// static shape, not the values) stays an input.
import { Builder, InsertionPoint, type Operation, type Tensor, type Value } from "@zkmlir/core";
import { denseOfTensor, onnxPositions } from "@zkmlir/onnx-dialect";

/** ONNX input positions that are parameters rather than data, per op type. */
const PARAM_POSITIONS: Readonly<Record<string, readonly number[]>> = {
  Reshape: [1], Expand: [1], Tile: [1], Slice: [1, 2, 3, 4], Pad: [1, 3], Squeeze: [1], Unsqueeze: [1], Split: [1],
  ReduceSum: [1], ReduceMean: [1], ReduceMax: [1], ReduceMin: [1], ReduceProd: [1], ReduceL1: [1], ReduceL2: [1],
  ReduceLogSumExp: [1], ReduceSumSquare: [1], ReduceLogSum: [1], Resize: [1, 2, 3], Upsample: [1], TopK: [1], Trilu: [1], CumSum: [1],
  OneHot: [1], ConstantOfShape: [0], Range: [0, 1, 2], CenterCropPad: [1],
};

/** Ops whose results depend only on their operands' (static) shapes. */
const SHAPE_READERS = new Set(["onnx.Shape", "onnx.Size"]);

/** Values whose contents flow into a parameter position of some onnx op. */
function parameterValues(func: Operation): Set<Value> {
  const out = new Set<Value>();
  const work: Value[] = [];
  func.walk((op) => {
    const positions = op.dialect === "onnx" ? PARAM_POSITIONS[op.name.slice(5)] : undefined;
    if (!positions) return;
    const pos = onnxPositions(op, "operands");
    op.operands.forEach((o, i) => { if (positions.includes(pos.indexOf(i))) work.push(o.value); });
  });
  while (work.length) {
    const v = work.pop()!;
    if (out.has(v)) continue;
    out.add(v);
    const def = v.definingOp;
    if (def && !SHAPE_READERS.has(def.name)) for (const o of def.operands) work.push(o.value);
  }
  return out;
}

/** Replaces each argument of `func` whose value decides shapes by an onnx.Constant of its input; returns how many. */
export function bindParameterInputs(func: Operation, inputs: readonly Tensor[]): number {
  const entry = func.region(0).entry;
  if (!entry) return 0;
  const params = parameterValues(func);
  let bound = 0;
  entry.args.forEach((arg: Value, i) => {
    const t = inputs[i];
    const uses = [...arg.uses];
    if (!t || uses.length === 0 || !params.has(arg)) return;
    const value = denseOfTensor(t);
    const b = new Builder(entry.first ? InsertionPoint.before(entry.first) : InsertionPoint.atEnd(entry));
    const c = b.create({ name: "onnx.Constant", resultTypes: [value.type], properties: { value } });
    for (const u of uses) u.set(c.result(0));
    bound++;
  });
  return bound;
}
