// The three lowerings that closed the node differential's gaps, on hand-written onnx IR:
// BatchNormalization in training mode, MaxPool's Indices output and Resize tf_crop_and_resize.
// Each result must equal the onnx-level interpreter (the reference kernels).
import { Tensor, parseModule, printOp, type Operation } from "@zkmlir/core";
import { ONNX_CONTEXT, compareOutputs, convertOnnxToLinalg, runAtLevel } from "../src/index.js";

const parse = (src: string): Operation => parseModule(src, { context: ONNX_CONTEXT });
const f32 = (shape: number[], vals: number[]) => new Tensor("f32", shape, Float32Array.from(vals));
const seq = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

function lowered(src: string): string {
  const m = parse(src);
  convertOnnxToLinalg(m);
  return printOp(m);
}

/** Lowered and fused results equal the onnx level's; returns the onnx level's outputs. */
function agree(src: string, inputs: Tensor[]): Tensor[] {
  const m = parse(src);
  const ref = runAtLevel(m, "onnx", inputs);
  for (const level of ["linalg", "linalg-fused"] as const) {
    expect(compareOutputs(ref, runAtLevel(m, level, inputs)).mismatch).toBeUndefined();
  }
  return ref;
}

const BATCHNORM_TRAINING = `func.func @main(%x: tensor<2x3x2xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> (tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0:3 = "onnx.BatchNormalization"(%x, %s, %b, %m, %v) <{epsilon = 0.01 : f32, momentum = 0.8 : f32, resultSegmentSizes = array<i32: 1, 1, 1>, training_mode = 1 : i64}> : (tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>)
  func.return %0#0, %0#1, %0#2 : tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>
}`;

test("BatchNormalization training_mode=1: batch statistics and running mean/var", () => {
  const t = lowered(BATCHNORM_TRAINING);
  expect(t).not.toContain("onnx.");
  expect(t).toContain(`"reduction"`);
  const x = f32([2, 3, 2], seq(12, (i) => Math.sin(i) * 3));
  const inputs = [x, f32([3], [1, 2, 0.5]), f32([3], [0, 1, -1]), f32([3], [0.5, -1, 2]), f32([3], [1, 2, 3])];
  const [y, runMean, runVar] = agree(BATCHNORM_TRAINING, inputs);
  // Channel 0 by hand: elements x[n, 0, k] for n, k in {0, 1}.
  const ch = [0, 1, 6, 7].map((i) => Math.sin(i) * 3);
  const mean = ch.reduce((a, v) => a + v, 0) / 4, variance = ch.reduce((a, v) => a + (v - mean) ** 2, 0) / 4;
  expect(runMean!.getNumber(0)).toBeCloseTo(0.5 * 0.8 + mean * 0.2, 5);
  expect(runVar!.getNumber(0)).toBeCloseTo(1 * 0.8 + variance * 0.2, 5);
  expect(y!.getNumber(1)).toBeCloseTo((ch[1]! - mean) / Math.sqrt(variance + 0.01), 5);
});

/** Crops [-0.5, 0.6] x [0.4, 1.5] of a 4x4 image to 3x4: points outside [0, 1] extrapolate. */
const cropResize = (mode: string) => `func.func @main(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x3x4xf32> {
  %roi = "onnx.Constant"() <{value = dense<[0.0, 0.0, -0.5, 0.4, 1.0, 1.0, 0.6, 1.5]> : tensor<8xf32>}> : () -> tensor<8xf32>
  %sizes = "onnx.Constant"() <{value = dense<[1, 1, 3, 4]> : tensor<4xi64>}> : () -> tensor<4xi64>
  %0 = "onnx.Resize"(%x, %roi, %sizes) <{coordinate_transformation_mode = "tf_crop_and_resize", extrapolation_value = 10.0 : f32, mode = "${mode}", operandSegmentSizes = array<i32: 1, 1, 0, 1>}> : (tensor<1x1x4x4xf32>, tensor<8xf32>, tensor<4xi64>) -> tensor<1x1x3x4xf32>
  func.return %0 : tensor<1x1x3x4xf32>
}`;

test.each(["linear", "cubic", "nearest"])("Resize tf_crop_and_resize (%s) extrapolates outside the crop", (mode) => {
  expect(lowered(cropResize(mode))).not.toContain("onnx.");
  const [y] = agree(cropResize(mode), [f32([1, 1, 4, 4], seq(16, (i) => (i * 7) % 5 - 1.5))]);
  // Row 0 sits at -0.5 * 3 (outside); column 3 at 1.5 * 3 (outside); the rest is interpolated.
  const v = (h: number, w: number) => y!.getNumber(h * 4 + w);
  for (let w = 0; w < 4; w++) expect(v(0, w)).toBeCloseTo(10, 5);
  for (let h = 0; h < 3; h++) expect(v(h, 3)).toBeCloseTo(10, 5);
  expect(Math.abs(v(1, 0) - 10)).toBeGreaterThan(1);
});

const maxPoolIdx = (shape: number[], out: number[], attrs: string, et = "f32") => {
  const t = (s: number[], e: string) => `tensor<${s.join("x")}x${e}>`;
  return `func.func @main(%x: ${t(shape, et)}) -> (${t(out, et)}, ${t(out, "i64")}) {
  %0:2 = "onnx.MaxPool"(%x) <{${attrs}}> : (${t(shape, et)}) -> (${t(out, et)}, ${t(out, "i64")})
  func.return %0#0, %0#1 : ${t(out, et)}, ${t(out, "i64")}
}`;
};

test.each([[0, [0, 2, 6, 8]], [1, [0, 4, 6, 10]]])("MaxPool Indices (storage_order %i): first index of the max, flat over N x C x spatial", (order, want) => {
  const src = maxPoolIdx([1, 2, 2, 3], [1, 2, 1, 2], `kernel_shape = [2, 2], storage_order = ${order} : i64`);
  expect(lowered(src)).toContain("linalg.index");
  // Both channels: [[3, 1, 3], [3, 0, 3]]; ties take the first cell in window order.
  const [vals, idx] = agree(src, [f32([1, 2, 2, 3], [3, 1, 3, 3, 0, 3, 3, 1, 3, 3, 0, 3])]);
  expect(Array.from(vals!.data as Float32Array)).toEqual([3, 3, 3, 3]);
  expect(Array.from(idx!.data as BigInt64Array, Number)).toEqual(want);
});

test("MaxPool Indices with pads, strides, dilations, NaN and -inf equals the reference kernel", () => {
  const src = maxPoolIdx([2, 2, 5, 6], [2, 2, 3, 3], "dilations = [1, 2], kernel_shape = [3, 2], pads = [1, 1, 1, 0], strides = [2, 2]");
  const x = seq(120, (i) => (i % 7 === 3 ? NaN : i % 11 === 5 ? -Infinity : ((i * 5) % 4) - 1));
  agree(src, [f32([2, 2, 5, 6], x)]);
});

test("MaxPool Indices on integers: a window of only the lowest value still points at its first cell", () => {
  const src = maxPoolIdx([1, 1, 3, 3], [1, 1, 3, 3], "kernel_shape = [2, 2], pads = [1, 1, 0, 0]", "i8");
  const x = new Tensor("i8", [1, 1, 3, 3], Int8Array.from([-128, -128, 5, -128, -128, 7, 1, 2, 7]));
  const [vals, idx] = agree(src, [x]);
  expect(Array.from(vals!.data as Int8Array)).toEqual([-128, -128, 5, -128, -128, 7, 1, 2, 7]);
  expect(Array.from(idx!.data as BigInt64Array, Number)).toEqual([0, 0, 2, 0, 0, 5, 6, 7, 5]);
});
