// linalg-fuse-elementwise: elementwise chains become one generic; transposes and broadcasts
// fold into indexing maps (also into contractions); arithmetic is not fused into reductions;
// results are unchanged. Also runs both passes from a pipeline string.
import { PassManager, PassRegistry, Tensor, parseModule, parsePassPipeline, printOp, type Operation } from "@zkmlir/core";
import { LOWERING_CONTEXT, ONNX_CONTEXT, compareOutputs, convertOnnxToLinalg, fuseElementwise, registerOnnxToLinalgPasses, runAtLevel } from "../src/index.js";

const parse = (s: string): Operation => parseModule(s, { context: ONNX_CONTEXT });
const generics = (m: Operation) => { let n = 0; m.walk((o) => { if (o.name === "linalg.generic") n++; }); return n; };
const f32 = (shape: number[], f: (i: number) => number) => new Tensor("f32", shape, Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => f(i)));

const CHAIN = `func.func @main(%a: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<4x3xf32> {
  %0 = "onnx.Add"(%a, %b) : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  %1 = "onnx.Tanh"(%0) : (tensor<3x4xf32>) -> tensor<3x4xf32>
  %2 = "onnx.Transpose"(%1) : (tensor<3x4xf32>) -> tensor<4x3xf32>
  %3 = "onnx.Mul"(%2, %2) : (tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
  %4 = "onnx.Exp"(%3) : (tensor<4x3xf32>) -> tensor<4x3xf32>
  func.return %4 : tensor<4x3xf32>
}`;

test("an elementwise chain with a transpose becomes generics whose maps carry the transpose", () => {
  const m = parse(CHAIN);
  convertOnnxToLinalg(m);
  expect(generics(m)).toBe(5);
  expect(fuseElementwise(m)).toBeGreaterThan(0);
  // %2 has two uses (Mul reads it twice), so Add+Tanh+Transpose fuse into one and Mul+Exp into another.
  expect(generics(m)).toBe(2);
  expect(printOp(m)).toContain("affine_map<(d0, d1) -> (d1, d0)>");
  const inputs = [f32([3, 4], (i) => i / 7 - 0.8), f32([4], (i) => i - 1.5)];
  const src = parse(CHAIN);
  expect(compareOutputs(runAtLevel(src, "onnx", inputs), runAtLevel(src, "linalg-fused", inputs)).mismatch).toBeUndefined();
});

test("copies fold into a contraction's maps; arithmetic producers stay outside reductions", () => {
  const src = `func.func @main(%a: tensor<2x3x4xf32>, %w: tensor<5x4xf32>) -> tensor<2x3x5xf32> {
    %t = "onnx.Transpose"(%w) : (tensor<5x4xf32>) -> tensor<4x5xf32>
    %r = "onnx.Relu"(%a) : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    %s = "onnx.Constant"() <{value = dense<[2, 3, 4]> : tensor<3xi64>}> : () -> tensor<3xi64>
    %e = "onnx.Einsum"(%r, %t) <{equation = "bik,kj->bij"}> : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
    func.return %e : tensor<2x3x5xf32>
  }`;
  const m = parse(src);
  convertOnnxToLinalg(m);
  fuseElementwise(m);
  const text = printOp(m);
  expect(generics(m)).toBe(2); // relu stays; the transpose of %w is read through the einsum's map
  expect(text).toMatch(/affine_map<\(d0, d1, d2, d3\) -> \(d2, d3\)>/);
  const inputs = [f32([2, 3, 4], (i) => Math.sin(i)), f32([5, 4], (i) => Math.cos(i))];
  const p = parse(src);
  expect(compareOutputs(runAtLevel(p, "onnx", inputs), runAtLevel(p, "linalg-fused", inputs)).mismatch).toBeUndefined();
});

test("the passes run from a pipeline string", () => {
  const registry = new PassRegistry();
  registerOnnxToLinalgPasses(registry);
  const m = parse(CHAIN);
  const pm = new PassManager(LOWERING_CONTEXT, "builtin.module");
  pm.addPipeline(parsePassPipeline("builtin.module(convert-onnx-to-linalg,linalg-fuse-elementwise)", { registry }));
  pm.run(m);
  expect(generics(m)).toBe(2);
  expect(printOp(m)).not.toContain("onnx.Add");
});
