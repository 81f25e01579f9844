// Ops that produce shapes or fill tensors of a given shape: Constant, ConstantOfShape, Range,
// EyeLike, Shape, Size. Data-dependent outputs are static only when their inputs are constants.
import { DYNAMIC } from "@zkmlir/core";
import { constantDenseValue } from "@zkmlir/onnx-dialect";
import type { ShapeFn } from "./context.js";
import { isKnown, unknownDims } from "./dims.js";

const constant: ShapeFn = (c) => [constantDenseValue(c.op)?.type.shape];

const constantOfShape: ShapeFn = (c) => {
  const dims = c.ints(0);
  if (dims) {
    if (dims.some((d) => d < 0)) c.fail(`negative dimension in shape [${dims.join(", ")}]`);
    return [dims];
  }
  const s = c.required(0, "input");
  return [s && s.length === 1 && isKnown(s[0]!) ? unknownDims(s[0]!) : undefined];
};

/** Range: max(ceil((limit - start) / delta), 0) elements (ONNX formula). */
const range: ShapeFn = (c) => {
  const [start, limit, delta] = [c.constant(0), c.constant(1), c.constant(2)];
  if (!start || !limit || !delta) return [[DYNAMIC]];
  const d = delta.getNumber(0);
  if (d === 0) c.fail("delta is 0");
  return [[Math.max(Math.ceil((limit.getNumber(0) - start.getNumber(0)) / d), 0)]];
};

const eyeLike: ShapeFn = (c) => {
  const s = c.required(0, "input");
  if (s && s.length !== 2) c.fail(`input must be 2-D`);
  return [s ?? unknownDims(2)];
};

/** Shape: dims[start:end] of the input, bounds clamped like Python slices. */
const shape: ShapeFn = (c) => {
  const s = c.required(0, "data");
  if (!s) return [[DYNAMIC]];
  const clamp = (b: number): number => Math.min(Math.max(b < 0 ? b + s.length : b, 0), s.length);
  const start = clamp(c.int("start", 0));
  const end = clamp(c.int("end", s.length));
  return [[Math.max(end - start, 0)]];
};

export const GENERATOR_SHAPES: Record<string, ShapeFn> = {
  Constant: constant,
  ConstantOfShape: constantOfShape,
  Range: range,
  EyeLike: eyeLike,
  Shape: shape,
  Size: () => [[]],
};
