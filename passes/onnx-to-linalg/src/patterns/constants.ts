// Constants and shape queries: onnx.Constant becomes arith.constant (same dense value, signless
// element type); Shape and Size are compile-time constants of the static input type;
// ConstantOfShape fills the static result type.
import { DenseElementsAttr, DenseResourceAttr, IntegerType, RankedTensorType, type Builder, type Value } from "@zkmlir/core";
import { constantDenseValue } from "@zkmlir/onnx-dialect";
import { fill, empty, filled } from "../build/structured.js";
import { constant } from "../build/scalar.js";
import { intAttr } from "../util/attrs.js";
import { resultType, staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import type { Lowering } from "./lowering.js";

export function denseConstant(b: Builder, attr: DenseElementsAttr | DenseResourceAttr): Value {
  return b.create({ name: "arith.constant", resultTypes: [attr.type], properties: { value: attr } }).result(0);
}

/** A dense i64 constant tensor of `values`. */
export function i64Constant(b: Builder, values: readonly number[], shape: readonly number[] = [values.length]): Value {
  const t = RankedTensorType.get(shape, IntegerType.get(64));
  return denseConstant(b, new DenseElementsAttr(t, BigInt64Array.from(values.map((v) => BigInt(v))), false));
}

const onnxConstant: Lowering = (c) => {
  const out = resultType(c.op);
  const v = constantDenseValue(c.op);
  if (v) return [denseConstant(c.b, v.type === out ? v : new DenseElementsAttr(out, v.data, v.isSplat))];
  const r = c.op.getAttr("value");
  if (r instanceof DenseResourceAttr) return [denseConstant(c.b, r)];
  throw loweringError(c.op, "only dense tensor values are supported (no sparse or string constants)");
};

const shape: Lowering = (c) => {
  const t = staticType(c.op, c.req(0));
  const n = t.rank;
  let start = intAttr(c.op, "start", 0), end = intAttr(c.op, "end", n);
  const clampAxis = (a: number) => Math.min(Math.max(a < 0 ? a + n : a, 0), n);
  start = clampAxis(start); end = clampAxis(end);
  return [i64Constant(c.b, t.shape.slice(start, Math.max(start, end)))];
};

const size: Lowering = (c) => [i64Constant(c.b, [staticType(c.op, c.req(0)).numElements], [])];

const constantOfShape: Lowering = (c) => {
  const out = resultType(c.op);
  const v = c.op.getAttr("value");
  if (v === undefined) return [filled(c.b, out, 0)];
  if (!(v instanceof DenseElementsAttr)) throw loweringError(c.op, "attribute 'value' must be a one-element dense tensor");
  return [fill(c.b, constant(c.b, out.elementType, v.at(0)), empty(c.b, out))];
};

export const CONSTANTS: Record<string, Lowering> = { Constant: onnxConstant, Shape: shape, Size: size, ConstantOfShape: constantOfShape };

