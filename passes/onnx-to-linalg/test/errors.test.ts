// Failures name every op left unlowered with its ONNX node (location) and the reason; the IR is
// left as it was; the final legality check lists ops outside the legal dialects.
import { Builder, InsertionPoint, parseModule, printOp } from "@zkmlir/core";
import { ONNX_CONTEXT, OnnxLoweringError, checkLegality, convertOnnxToLinalg } from "../src/index.js";

const SRC = `func.func @main(%x: tensor<4xf32>, %y: tensor<?x3xf32>) -> (tensor<*xi64>, tensor<*xi64>, tensor<4xf32>, tensor<?x3xf32>) {
  %0 = "onnx.NonZero"(%x) : (tensor<4xf32>) -> tensor<*xi64> loc("first_nonzero")
  %1 = "onnx.NonZero"(%x) : (tensor<4xf32>) -> tensor<*xi64> loc("second_nonzero")
  %2 = "onnx.Relu"(%x) : (tensor<4xf32>) -> tensor<4xf32> loc("fine_relu")
  %3 = "onnx.Relu"(%y) : (tensor<?x3xf32>) -> tensor<?x3xf32> loc("dynamic_relu")
  func.return %0, %1, %2, %3 : tensor<*xi64>, tensor<*xi64>, tensor<4xf32>, tensor<?x3xf32>
}`;

test("every unlowerable op is listed with its node name and reason; the module is unchanged", () => {
  const m = parseModule(SRC, { context: ONNX_CONTEXT });
  const before = printOp(m);
  let err: unknown;
  try { convertOnnxToLinalg(m); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(OnnxLoweringError);
  const msg = (err as Error).message;
  expect(msg).toContain("3 op(s) could not be lowered");
  expect(msg).toMatch(/first_nonzero.*'onnx\.NonZero'.*depends on the input values/);
  expect(msg).toMatch(/second_nonzero.*'onnx\.NonZero'/);
  expect(msg).toMatch(/dynamic_relu.*'onnx\.Relu'.*dynamic shape/);
  expect(msg).not.toContain("fine_relu");
  expect(printOp(m)).toBe(before);
});

test("NonZero of a constant is folded before lowering", () => {
  const m = parseModule(`func.func @main() -> tensor<*xi64> {
    %c = "onnx.Constant"() <{value = dense<[0.0, 2.0, 0.0, 1.0]> : tensor<4xf32>}> : () -> tensor<4xf32>
    %0 = "onnx.NonZero"(%c) : (tensor<4xf32>) -> tensor<*xi64>
    func.return %0 : tensor<*xi64>
  }`, { context: ONNX_CONTEXT });
  convertOnnxToLinalg(m);
  expect(printOp(m)).toContain("dense<[[1, 3]]> : tensor<1x2xi64>");
});

test("the legality check lists every op outside func/arith/math/linalg/tensor/scf/builtin", () => {
  const m = parseModule(`func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
    func.return %x : tensor<4xf32>
  }`, { context: ONNX_CONTEXT });
  const entry = m.region(0).entry!.first!.region(0).entry!;
  const b = new Builder(InsertionPoint.before(entry.last!));
  b.create({ name: "mystery.op" });
  b.create({ name: "other.op" });
  expect(() => checkLegality(m)).toThrow(/2 op\(s\) outside .* remain:[\s\S]*'mystery\.op'[\s\S]*'other\.op'/);
});
