// onnx.Constant: exactly one of its value attributes; folds to a DenseElementsAttr of its result
// type, and is what the dialect materializes folded constants as.
import {
  ArrayAttr, DenseElementsAttr, FloatType, IntegerType, Operation, RankedTensorType, FloatAttr, IntegerAttr,
  type Attribute, type Location, type Type,
} from "@zkmlir/core";

const VALUE_ATTRS = ["sparse_value", "value", "value_float", "value_floats", "value_int", "value_ints", "value_string", "value_strings"] as const;

/** The value of an onnx.Constant as a DenseElementsAttr (the scalar/list forms expanded). */
export function constantDenseValue(op: Operation): DenseElementsAttr | undefined {
  const v = op.getAttr("value");
  if (v instanceof DenseElementsAttr) return v;
  const f = op.getAttr("value_float");
  if (f instanceof FloatAttr) return new DenseElementsAttr(RankedTensorType.get([], FloatType.get("f32")), new Float32Array([f.value]), false);
  const i = op.getAttr("value_int");
  if (i instanceof IntegerAttr) return new DenseElementsAttr(RankedTensorType.get([], IntegerType.get(64)), new BigInt64Array([i.value]), false);
  const fs = op.getAttr("value_floats");
  if (fs instanceof ArrayAttr) {
    const data = Float32Array.from(fs.elements.map((e) => (e as FloatAttr).value));
    return new DenseElementsAttr(RankedTensorType.get([data.length], FloatType.get("f32")), data, false);
  }
  const is = op.getAttr("value_ints");
  if (is instanceof ArrayAttr) {
    const data = BigInt64Array.from(is.elements.map((e) => (e as IntegerAttr).value));
    return new DenseElementsAttr(RankedTensorType.get([data.length], IntegerType.get(64)), data, false);
  }
  return undefined;
}

export function verifyConstant(op: Operation): string | undefined {
  const set = VALUE_ATTRS.filter((n) => op.getAttr(n) !== undefined);
  if (set.length !== 1) return `requires exactly one of the attributes ${VALUE_ATTRS.join(", ")}, found ${set.length ? set.join(", ") : "none"}`;
  const dense = constantDenseValue(op);
  if (!dense) return `attribute '${set[0]}' is not supported (no MLIR element type)`;
  const rt = op.result(0).type;
  if (rt !== dense.type) return `result type '${rt.key}' does not match the value's type '${dense.type.key}'`;
  return undefined;
}

export function foldConstant(op: Operation): readonly Attribute[] | undefined {
  const d = constantDenseValue(op);
  return d ? [d] : undefined;
}

/** An onnx.Constant holding `value` (a dense attribute of exactly `type`), else undefined. */
export function materializeOnnxConstant(value: Attribute, type: Type, loc: Location): Operation | undefined {
  if (!(value instanceof DenseElementsAttr) || value.type !== type) return undefined;
  return Operation.create({ name: "onnx.Constant", resultTypes: [type], properties: { value }, loc });
}
