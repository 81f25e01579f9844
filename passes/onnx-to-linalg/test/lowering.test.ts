// Lowering of hand-written, statically shaped onnx IR: the shape of what each family produces
// (one broadcast-aware generic per elementwise op, identity-filled reductions, unsigned ops) and
// results equal to the onnx-level interpreter.
import { Tensor, parseModule, printOp, type Operation } from "@zkmlir/core";
import { ONNX_CONTEXT, compareOutputs, convertOnnxToLinalg, runAtLevel } from "../src/index.js";

const parse = (src: string): Operation => parseModule(src, { context: ONNX_CONTEXT });
const lowered = (src: string): string => {
  const m = parse(src);
  convertOnnxToLinalg(m);
  return printOp(m);
};
const count = (text: string, what: string) => text.split(what).length - 1;
const f32 = (shape: number[], vals: number[]) => new Tensor("f32", shape, Float32Array.from(vals));
const seq = (n: number, f = (i: number) => i / 3 - 1) => Array.from({ length: n }, (_, i) => f(i));

function agree(src: string, inputs: Tensor[]): void {
  const m = parse(src);
  const r = compareOutputs(runAtLevel(m, "onnx", inputs), runAtLevel(m, "linalg", inputs));
  expect(r.mismatch).toBeUndefined();
  const fused = compareOutputs(runAtLevel(m, "onnx", inputs), runAtLevel(m, "linalg-fused", inputs));
  expect(fused.mismatch).toBeUndefined();
}

const ELEMENTWISE = `func.func @main(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "onnx.Add"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = "onnx.Relu"(%0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "onnx.Sigmoid"(%1) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.return %2 : tensor<2x3xf32>
}`;

test("each elementwise op is one broadcast-aware generic with a tensor.empty init", () => {
  const t = lowered(ELEMENTWISE);
  expect(count(t, "linalg.generic")).toBe(3);
  expect(count(t, "tensor.empty")).toBe(3);
  expect(t).toContain("affine_map<(d0, d1) -> (d1)>"); // %b broadcast along d0
  expect(t).not.toContain("onnx.");
  agree(ELEMENTWISE, [f32([2, 3], seq(6)), f32([3], [0.5, -2, 1])]);
});

test("reductions fill their init with the identity (0 for sums, -inf for max)", () => {
  const src = `func.func @main(%x: tensor<2x3x4xf32>) -> (tensor<2x1x4xf32>, tensor<3xf32>) {
    %ax = "onnx.Constant"() <{value = dense<[1]> : tensor<1xi64>}> : () -> tensor<1xi64>
    %0 = "onnx.ReduceSum"(%x, %ax) : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x1x4xf32>
    %ax2 = "onnx.Constant"() <{value = dense<[0, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
    %1 = "onnx.ReduceMax"(%x, %ax2) <{keepdims = 0 : i64}> : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<3xf32>
    func.return %0, %1 : tensor<2x1x4xf32>, tensor<3xf32>
  }`;
  const t = lowered(src);
  expect(count(t, "linalg.fill")).toBe(2);
  expect(t).toMatch(/arith\.constant 0\.0 : f32[\s\S]*linalg\.fill/);
  expect(t).toMatch(/arith\.constant 0xFF800000 : f32|arith\.constant -inf/);
  expect(t).toContain(`"reduction"`);
  agree(src, [f32([2, 3, 4], seq(24, (i) => Math.sin(i)))]);
});

test("unsigned ONNX types lower to signless values with unsigned ops", () => {
  const src = `func.func @main(%a: tensor<4xui8>, %b: tensor<4xui8>) -> (tensor<4xui8>, tensor<4xi1>) {
    %0 = "onnx.Div"(%a, %b) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
    %1 = "onnx.Less"(%a, %b) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
    func.return %0, %1 : tensor<4xui8>, tensor<4xi1>
  }`;
  const t = lowered(src);
  expect(t).toContain("arith.divui");
  expect(t).toContain("arith.cmpi ult");
  expect(t).not.toContain("ui8");
  const a = new Tensor("u8", [4], Uint8Array.of(200, 7, 255, 130)), b = new Tensor("u8", [4], Uint8Array.of(3, 7, 2, 200));
  const m = parse(src);
  const [q, lt] = runAtLevel(m, "linalg", [a, b]);
  expect(Array.from(q!.data as Uint8Array)).toEqual([66, 1, 127, 0]);
  expect(Array.from(lt!.data as Uint8Array)).toEqual([0, 0, 0, 1]);
});

test("MatMul, Gemm, Conv, pools, Softmax, BatchNormalization and shape ops agree with the onnx level", () => {
  const src = `func.func @main(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32>, %a: tensor<4x6xf32>, %b: tensor<6x5xf32>) -> (tensor<1x3x2x2xf32>, tensor<5x4xf32>, tensor<1x2x3x3xf32>, tensor<4x5xf32>, tensor<2x4x5xf32>, tensor<1x2x5x5xf32>) {
    %c = "onnx.Conv"(%x, %w) <{pads = [1, 1, 1, 1], strides = [2, 2]}> : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32>
    %p = "onnx.MaxPool"(%c) <{kernel_shape = [2, 2]}> : (tensor<1x3x3x3xf32>) -> tensor<1x3x2x2xf32>
    %g = "onnx.Gemm"(%a, %b) <{alpha = 0.5 : f32}> : (tensor<4x6xf32>, tensor<6x5xf32>) -> tensor<*xf32>
    %t = "onnx.Transpose"(%a) : (tensor<4x6xf32>) -> tensor<6x4xf32>
    %m = "onnx.MatMul"(%a, %b) : (tensor<4x6xf32>, tensor<6x5xf32>) -> tensor<4x5xf32>
    %s = "onnx.Softmax"(%m) : (tensor<4x5xf32>) -> tensor<4x5xf32>
    %ap = "onnx.AveragePool"(%x) <{kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]}> : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
    %sc = "onnx.Constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
    %bi = "onnx.Constant"() <{value = dense<[0.5, -1.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
    %in = "onnx.BatchNormalization"(%x, %sc, %bi, %bi, %sc) <{resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<1x2x5x5xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x5x5xf32>
    %l = "onnx.Add"(%s, %m) : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>
    %shape = "onnx.Constant"() <{value = dense<[2, 2, 5]> : tensor<3xi64>}> : () -> tensor<3xi64>
    %r = "onnx.Reshape"(%l, %shape) : (tensor<4x5xf32>, tensor<3xi64>) -> tensor<2x2x5xf32>
    %cc = "onnx.Concat"(%r, %r) <{axis = 1 : i64}> : (tensor<2x2x5xf32>, tensor<2x2x5xf32>) -> tensor<2x4x5xf32>
    %gs = "onnx.Gemm"(%t, %b, %g) <{transA = 1 : i64, beta = 2.0 : f32}> : (tensor<6x4xf32>, tensor<6x5xf32>, tensor<*xf32>) -> tensor<4x5xf32>
    %gt = "onnx.Transpose"(%gs) : (tensor<4x5xf32>) -> tensor<5x4xf32>
    func.return %p, %gt, %ap, %s, %cc, %in : tensor<1x3x2x2xf32>, tensor<5x4xf32>, tensor<1x2x3x3xf32>, tensor<4x5xf32>, tensor<2x4x5xf32>, tensor<1x2x5x5xf32>
  }`;
  agree(src, [f32([1, 2, 5, 5], seq(50, Math.cos)), f32([3, 2, 3, 3], seq(54, (i) => Math.sin(i * 0.7))), f32([4, 6], seq(24, (i) => Math.sin(i * 1.3))), f32([6, 5], seq(30, (i) => Math.cos(i * 0.9)))]);
});

test("a runtime Gather index selects by comparison; a constant scalar index is an affine copy", () => {
  const src = `func.func @main(%d: tensor<5x3xf32>, %i: tensor<2xi64>) -> (tensor<2x3xf32>, tensor<3xf32>) {
    %0 = "onnx.Gather"(%d, %i) : (tensor<5x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
    %k = "onnx.Constant"() <{value = dense<-1> : tensor<i64>}> : () -> tensor<i64>
    %1 = "onnx.Gather"(%d, %k) : (tensor<5x3xf32>, tensor<i64>) -> tensor<3xf32>
    func.return %0, %1 : tensor<2x3xf32>, tensor<3xf32>
  }`;
  const t = lowered(src);
  expect(t).toContain("arith.cmpi eq");
  expect(t).toContain("affine_map<(d0) -> (4, d0)>");
  agree(src, [f32([5, 3], seq(15)), new Tensor("i64", [2], BigInt64Array.of(3n, -5n))]);
});
