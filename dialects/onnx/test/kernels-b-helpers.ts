// Shared helpers of the group-B kernel tests: run one kernel, build tensors, read plain arrays.
import { Tensor, type DType } from "@zkmlir/core";
import { ONNX_KERNELS, type Attrs } from "../src/index.js";

export function run(op: string, inputs: (Tensor | undefined)[], attrs: Attrs = {}, nOutputs = 1): Tensor[] {
  const k = ONNX_KERNELS[op];
  if (!k) throw new Error(`no kernel for ${op}`);
  return k(inputs, attrs, nOutputs);
}
export const run1 = (op: string, inputs: (Tensor | undefined)[], attrs: Attrs = {}): Tensor => run(op, inputs, attrs)[0]!;

export const t = (dtype: DType, shape: number[], v: ArrayLike<number | bigint>): Tensor => Tensor.fromArray(dtype, shape, v);
export const f32 = (shape: number[], v: ArrayLike<number>): Tensor => t("f32", shape, v);
export const f64 = (shape: number[], v: ArrayLike<number>): Tensor => t("f64", shape, v);
export const i64 = (shape: number[], v: ArrayLike<number | bigint>): Tensor => t("i64", shape, v);
/** 0, 1, 2, ... as float32 of `shape`. */
export const iota = (shape: number[], dtype: DType = "f32"): Tensor => {
  const n = shape.reduce((a, b) => a * b, 1);
  return t(dtype, shape, Array.from({ length: n }, (_, i) => i));
};
export const nums = (x: Tensor): number[] => Array.from(x.data as ArrayLike<number>, Number);
export const bigs = (x: Tensor): bigint[] => Array.from(x.data as BigInt64Array);

/** Element-wise closeness with the conformance tolerance (rtol 1e-4, atol 1e-6). */
export function expectClose(got: Tensor, want: number[], shape?: number[]): void {
  if (shape) expect(got.shape).toEqual(shape);
  const g = nums(got);
  expect(g.length).toBe(want.length);
  g.forEach((v, i) => {
    if (Number.isNaN(want[i]!)) expect(v).toBeNaN();
    else expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(1e-6 + 1e-4 * Math.abs(want[i]!));
  });
}
