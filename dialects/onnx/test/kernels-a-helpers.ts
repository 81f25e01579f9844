// Shared helpers of the group-A kernel tests: run one kernel, read results as plain arrays.
import { Tensor, type DType } from "@zkmlir/core";
import { ONNX_KERNELS, type Attrs } from "../src/index.js";

export function run(op: string, inputs: (Tensor | undefined)[], attrs: Attrs = {}, nOutputs = 1): Tensor[] {
  const k = ONNX_KERNELS[op];
  if (!k) throw new Error(`no kernel for ${op}`);
  return k(inputs, attrs, nOutputs);
}

/** First output of `op`. */
export function run1(op: string, inputs: (Tensor | undefined)[], attrs: Attrs = {}): Tensor {
  return run(op, inputs, attrs)[0]!;
}

export function t(dtype: DType, shape: number[], values: ArrayLike<number | bigint>): Tensor {
  return Tensor.fromArray(dtype, shape, values);
}

export const f32 = (shape: number[], v: number[]): Tensor => t("f32", shape, v);
export const f64 = (shape: number[], v: number[]): Tensor => t("f64", shape, v);
export const i64 = (shape: number[], v: (number | bigint)[]): Tensor => t("i64", shape, v);
export const i32 = (shape: number[], v: number[]): Tensor => t("i32", shape, v);
export const bool = (shape: number[], v: number[]): Tensor => t("i1", shape, v);

/** Elements as numbers (i64 converted; use bigs() for exact int64). */
export function nums(x: Tensor): number[] {
  return Array.from({ length: x.size }, (_, i) => x.getNumber(i));
}

export function bigs(x: Tensor): bigint[] {
  return Array.from(x.data as BigInt64Array);
}
