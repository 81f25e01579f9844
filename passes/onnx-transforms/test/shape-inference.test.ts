// onnx-shape-inference: every kernel op has a shape function; inferred types are checked against
// the shapes the reference kernels actually produce; conflicts and data-dependent cases.
import { Interpreter, PassManager, PassRegistry, RankedTensorType, Tensor, parsePassPipeline, printOp, type Operation } from "@zkmlir/core";
import { funcImpls } from "@zkmlir/func";
import { ONNX_KERNELS, onnxImpls } from "@zkmlir/onnx-dialect";
import { inferShapes, registerOnnxTransformPasses, SHAPE_FUNCTIONS, ShapeInferenceError } from "../src/index.js";
import { CTX, lines, parse } from "./helpers.js";

test("every op with a reference kernel has a shape function", () => {
  expect(Object.keys(ONNX_KERNELS).filter((op) => !SHAPE_FUNCTIONS[op])).toEqual([]);
});

/** Deterministic small values (positive, so Sqrt/Log and friends stay finite). */
function tensorOf(t: RankedTensorType): Tensor {
  const dtype = t.elementType.key === "i64" ? "i64" : "f32";
  const n = t.shape.reduce((a, b) => a * b, 1);
  return Tensor.fromArray(dtype, t.shape, Array.from({ length: n }, (_, i) => (dtype === "i64" ? BigInt(i % 3) : ((i * 7) % 11) / 10 + 0.1)));
}

/** Infers shapes, then runs the module and checks every returned tensor against its inferred type. */

function check(m: Operation): string[] {
  inferShapes(m);
  let fn!: Operation;
  m.walk((o) => { if (o.name === "func.func") fn = o; });
  const argTypes = fn.region(0).entry!.args.map((a) => a.type as RankedTensorType);
  const outs = new Interpreter(m, onnxImpls.merge(funcImpls)).run("main", argTypes.map(tensorOf)) as Tensor[];
  const ret = fn.region(0).entry!.last!;
  ret.operands.forEach((o, i) => expect(`${i}: ${(o.value.type as RankedTensorType).shape.join("x")}`).toBe(`${i}: ${outs[i]!.shape.join("x")}`));
  return ret.operands.map((o) => o.value.type.key);
}

test("inferred shapes equal the kernels' output shapes across op families", () => {
  const m = parse(`func.func @main(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %v: tensor<2x5xf32>, %s: tensor<5x3x4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
    %c = "onnx.Conv"(%x, %w) <{pads = [1 : i64, 1 : i64, 1 : i64, 1 : i64], strides = [2 : i64, 2 : i64]}> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<*xf32>
    %p = "onnx.MaxPool"(%c) <{kernel_shape = [3 : i64, 3 : i64], strides = [2 : i64, 2 : i64], ceil_mode = 1 : i64}> : (tensor<*xf32>) -> tensor<*xf32>
    %g = "onnx.GlobalAveragePool"(%c) : (tensor<*xf32>) -> tensor<*xf32>
    %sh = "onnx.Constant"() <{value = dense<[0, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
    %r = "onnx.Reshape"(%c, %sh) : (tensor<*xf32>, tensor<2xi64>) -> tensor<*xf32>
    %st = "onnx.Constant"() <{value = dense<[-3, 1]> : tensor<2xi64>}> : () -> tensor<2xi64>
    %en = "onnx.Constant"() <{value = dense<[100, 5]> : tensor<2xi64>}> : () -> tensor<2xi64>
    %ax = "onnx.Constant"() <{value = dense<[1, 0]> : tensor<2xi64>}> : () -> tensor<2xi64>
    %sl = "onnx.Slice"(%v, %st, %en, %ax) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 0>}> : (tensor<2x5xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<*xf32>
    %gm = "onnx.Gemm"(%v, %v) <{transB = 1 : i64}> : (tensor<2x5xf32>, tensor<2x5xf32>) -> tensor<*xf32>
    %e = "onnx.Einsum"(%s, %s) <{equation = "bij,bkj->bik"}> : (tensor<5x3x4xf32>, tensor<5x3x4xf32>) -> tensor<*xf32>
    %tr = "onnx.Transpose"(%s) <{perm = [0 : i64, 2 : i64, 1 : i64]}> : (tensor<5x3x4xf32>) -> tensor<*xf32>
    %mm = "onnx.MatMul"(%s, %tr) : (tensor<5x3x4xf32>, tensor<*xf32>) -> tensor<*xf32>
    %k = "onnx.Constant"() <{value = dense<[2]> : tensor<1xi64>}> : () -> tensor<1xi64>
    %tv, %ti = "onnx.TopK"(%s, %k) <{axis = 1 : i64}> : (tensor<5x3x4xf32>, tensor<1xi64>) -> (tensor<*xf32>, tensor<*xi64>)
    %ra = "onnx.Constant"() <{value = dense<[0, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
    %rm = "onnx.ReduceMean"(%s, %ra) <{keepdims = 0 : i64}> : (tensor<5x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
    %cc = "onnx.Concat"(%s, %s) <{axis = -1 : i64}> : (tensor<5x3x4xf32>, tensor<5x3x4xf32>) -> tensor<*xf32>
    %sc = "onnx.Constant"() <{value = dense<[1.0, 1.0, 1.5, 2.0]> : tensor<4xf32>}> : () -> tensor<4xf32>
    %rs = "onnx.Resize"(%x, %sc) <{operandSegmentSizes = array<i32: 1, 0, 1, 0>}> : (tensor<1x3x8x8xf32>, tensor<4xf32>) -> tensor<*xf32>
    %fl = "onnx.Flatten"(%rs) <{axis = 2 : i64}> : (tensor<*xf32>) -> tensor<*xf32>
    return %c, %p, %g, %r, %sl, %gm, %e, %mm, %tv, %rm, %cc, %fl : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
  }`);
  expect(check(m)).toEqual([
    "tensor<1x4x4x4xf32>", "tensor<1x4x2x2xf32>", "tensor<1x4x1x1xf32>", "tensor<1x64xf32>", "tensor<1x3xf32>", "tensor<2x2xf32>",
    "tensor<5x3x3xf32>", "tensor<5x3x3xf32>", "tensor<5x2x4xf32>", "tensor<3xf32>", "tensor<5x3x8xf32>", "tensor<3x192xf32>",
  ]);
  // The function's result types follow the refined returns.
  expect(lines(printOp(m))[0]).toContain("-> (tensor<1x4x4x4xf32>, tensor<1x4x2x2xf32>");
});

test("data-dependent shapes stay dynamic unless their inputs are constants", () => {
  const m = parse(`func.func @main(%x: tensor<2x6xf32>, %s: tensor<2xi64>) -> (tensor<*xf32>, tensor<*xi64>, tensor<*xf32>) {
    %r = "onnx.Reshape"(%x, %s) : (tensor<2x6xf32>, tensor<2xi64>) -> tensor<*xf32>
    %n = "onnx.NonZero"(%x) : (tensor<2x6xf32>) -> tensor<*xi64>
    %c = "onnx.Constant"() <{value = dense<[3, 4]> : tensor<2xi64>}> : () -> tensor<2xi64>
    %z = "onnx.ConstantOfShape"(%c) : (tensor<2xi64>) -> tensor<*xf32>
    return %r, %n, %z : tensor<*xf32>, tensor<*xi64>, tensor<*xf32>
  }`);
  const r = inferShapes(m);
  expect(r.dynamic.map(({ op, result }) => `${op.name}: ${op.result(result).type.key}`)).toEqual([
    "onnx.Reshape: tensor<?x?xf32>", "onnx.NonZero: tensor<2x?xi64>",
  ]);
});

test("a declared type the operands contradict is a located ShapeInferenceError", () => {
  const m = parse(`func.func @main(%x: tensor<2x3xf32>, %y: tensor<4x3xf32>) -> tensor<*xf32> {
    %a = "onnx.Add"(%x, %y) : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<*xf32> loc("add"("m.onnx":3:0))
    return %a : tensor<*xf32>
  }`);
  expect(() => inferShapes(m)).toThrow(ShapeInferenceError);
  expect(() => inferShapes(m)).toThrow(/'onnx.Add' \(inputs \[2, 3\], \[4, 3\]\): broadcast: shapes \[2, 3\], \[4, 3\] do not broadcast/);
  const n = parse(`func.func @main(%x: tensor<2x3xf32>) -> tensor<3x3xf32> {
    %a = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<3x3xf32>
    return %a : tensor<3x3xf32>
  }`);
  try {
    inferShapes(n);
    throw new Error("no error");
  } catch (e) {
    expect(e).toBeInstanceOf(ShapeInferenceError);
    expect((e as ShapeInferenceError).message).toBe("'onnx.Relu' result #0: inferred shape [2, 3] contradicts the declared type tensor<3x3xf32>");
  }
});

test("the passes are registered by name and run from a pipeline string with statistics", () => {
  const registry = new PassRegistry();
  registerOnnxTransformPasses(registry);
  registerOnnxTransformPasses(registry); // idempotent
  expect(["onnx-shape-inference", "onnx-canonicalize", "onnx-simplify"].every((n) => registry.has(n))).toBe(true);
  const pm = parsePassPipeline("onnx-simplify{max-rounds=5 max-fold-elements=100}", { registry });
  const m = parse(`func.func @main(%x: tensor<2x3xf32>) -> tensor<*xf32> {
    %s = "onnx.Shape"(%x) : (tensor<2x3xf32>) -> tensor<*xi64>
    %r = "onnx.Reshape"(%x, %s) : (tensor<2x3xf32>, tensor<*xi64>) -> tensor<*xf32>
    %i = "onnx.Identity"(%r) : (tensor<*xf32>) -> tensor<*xf32>
    return %i : tensor<*xf32>
  }`);
  new PassManager(CTX).addPipeline(pm).run(m);
  expect(lines(printOp(m))).toEqual(["func.func @main(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {", "func.return %arg0 : tensor<2x3xf32>"]);
  const pass = [...pm.allPasses()][0]!;
  expect(pass.statistics.get("num-folded")).toBe(1);
  expect(pass.statistics.get("num-dynamic-values")).toBe(0);
});
