import { Tensor, shapeSize, shapeStrides } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrNumbers, intsOf, requireInput } from "../util/nn-attrs.js";
import { checkDType, NUMERIC, type NumberData } from "../util/nn-dtype.js";
import { spatialAttr } from "../util/nn-pads.js";

/**
 * MaxUnpool: scatter X into zeros at the flat indices I (as MaxPool's Indices output gives them,
 * over N x C x spatial of the natural shape (in-1)*stride + kernel - pads). A larger output_shape
 * (input 2) keeps each value's coordinates.
 */
export const maxUnpool: Kernel = (inputs, attrs) => {
  const op = "MaxUnpool";
  const X = requireInput(op, inputs, 0, "X"), I = requireInput(op, inputs, 1, "I");
  checkDType(op, X, "X", NUMERIC);
  if (I.dtype !== "i64") throw new KernelError(`${op}: I must be int64, got ${I.dtype}`);
  if (X.rank < 3 || I.shape.join() !== X.shape.join()) throw new KernelError(`${op}: X [${X.shape}] must have rank >= 3 and I the same shape, got [${I.shape}]`);
  const n = X.rank - 2;
  const kernel = attrNumbers(op, attrs, "kernel_shape");
  if (!kernel || kernel.length !== n) throw new KernelError(`${op}: kernel_shape must list ${n} values`);
  const strides = spatialAttr(op, attrs, "strides", n, 1), pads = spatialAttr(op, attrs, "pads", 2 * n, 0);
  const natural = [X.shape[0]!, X.shape[1]!, ...X.shape.slice(2).map((d, i) => (d - 1) * strides[i]! + kernel[i]! - pads[i]! - pads[i + n]!)];
  const total = shapeSize(natural), idx = I.data as BigInt64Array;
  const map = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const j = Number(idx[i]!);
    if (j < 0 || j >= total) throw new KernelError(`${op}: index ${j} at position ${i} is outside the unpooled shape [${natural}]`);
    map[i] = j;
  }
  let outShape = natural;
  if (inputs[2]) {
    // Indices address the natural shape; a larger output_shape keeps coordinates (pads at the end).
    outShape = intsOf(op, inputs[2], "output_shape");
    if (outShape.length !== X.rank || outShape.some((d, i) => d < natural[i]!)) {
      throw new KernelError(`${op}: output_shape [${outShape}] must have rank ${X.rank} and be at least [${natural}]`);
    }
    const ns = shapeStrides(natural), os = shapeStrides(outShape);
    for (let i = 0; i < map.length; i++) {
      let off = 0;
      for (let d = 0; d < natural.length; d++) off += (Math.floor(map[i]! / ns[d]!) % natural[d]!) * os[d]!;
      map[i] = off;
    }
  }
  const out = new Tensor(X.dtype, outShape);
  for (let i = 0; i < map.length; i++) {
    if (X.data instanceof BigInt64Array) (out.data as BigInt64Array)[map[i]!] = X.data[i]!;
    else (out.data as NumberData)[map[i]!] = (X.data as NumberData)[i]!;
  }
  return [out];
};
