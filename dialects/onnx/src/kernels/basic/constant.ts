import { Tensor } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrFloat, attrFloats, attrInt, attrInts, attrTensor } from "../util/basic-attrs.js";
import { checkDtype, checkOutputSize, fmtShape, input, toInts } from "../util/basic-tensor.js";

const VALUE_ATTRS = ["value", "value_float", "value_floats", "value_int", "value_ints", "value_string", "value_strings", "sparse_value"];

/** Constant: exactly one of the value* attributes; floats are f32 and ints i64, as in ONNX. */
function constant(_inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const given = VALUE_ATTRS.filter((k) => attrs[k] !== undefined);
  if (given.length !== 1) throw new KernelError(`Constant: exactly one value attribute expected, got ${given.length ? given.join(", ") : "none"}`);
  const which = given[0]!;
  if (which === "value") {
    const t = attrTensor(attrs, "Constant", "value")!;
    return [new Tensor(t.dtype, t.shape, t.data.slice())];
  }
  if (which === "value_float") return [Tensor.scalar("f32", attrFloat(attrs, "Constant", which)!)];
  if (which === "value_int") return [Tensor.scalar("i64", attrInt(attrs, "Constant", which)!)];
  if (which === "value_floats") {
    const v = attrFloats(attrs, "Constant", which)!;
    return [Tensor.fromArray("f32", [v.length], v)];
  }
  if (which === "value_ints") {
    const v = attrInts(attrs, "Constant", which)!;
    return [Tensor.fromArray("i64", [v.length], v)];
  }
  throw new KernelError(`unsupported Constant attribute '${which}' (strings and sparse tensors)`);
}

/** ConstantOfShape: a tensor of the given shape filled with the one-element `value` (default f32 0). */
function constantOfShape(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const s = input(inputs, 0, "ConstantOfShape", "input");
  checkDtype(s, ["i64"], "ConstantOfShape", "input");
  const shape = toInts(s, "ConstantOfShape", "input");
  if (shape.some((d) => d < 0)) throw new KernelError(`ConstantOfShape: negative dimension in ${fmtShape(shape)}`);
  checkOutputSize(shape, "ConstantOfShape");
  const value = attrTensor(attrs, "ConstantOfShape", "value") ?? Tensor.scalar("f32", 0);
  if (value.size !== 1) throw new KernelError(`ConstantOfShape: attribute 'value' must hold one element, has ${value.size}`);
  const out = new Tensor(value.dtype, shape);
  if (out.data instanceof BigInt64Array) out.data.fill((value.data as BigInt64Array)[0]!);
  else (out.data as Float64Array).fill(value.getNumber(0));
  return [out];
}

export const CONSTANT_KERNELS: Record<string, Kernel> = { Constant: constant, ConstantOfShape: constantOfShape };
