// tensor: reference interpreter on hand-checked examples, verifier rules, generic round trip and
// mlir-opt-19 interop for every op.
import { execFileSync, spawnSync } from "node:child_process";
import { parseModule, printOp, verify, Context, BuiltinDialect, Interpreter, Tensor } from "@zkmlir/core";
import { FuncDialect, funcImpls } from "@zkmlir/func";
import { ArithDialect, arithImpls } from "@zkmlir/arith";
import { TensorDialect, tensorImpls } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect, TensorDialect] });
const parse = (s: string) => { const m = parseModule(s, { context: ctx }); verify(m, {}, ctx); return m; };
const run = (s: string, args: unknown[]) => new Interpreter(parse(s), tensorImpls.merge(arithImpls, funcImpls)).run(undefined, args);
const vals = (t: unknown) => Array.from((t as Tensor).data as ArrayLike<number | bigint>);
const generic = (s: string) => printOp(parseModule(s, { context: ctx }), { generic: true, elideDefaultProperties: true });

const SRC = `func.func @f(%a: tensor<4x6xf32>, %b: tensor<2x3xf32>, %i: index, %s: tensor<2xindex>, %x: f32) -> (tensor<2x3xf32>, tensor<4x6xf32>, tensor<2x2x6xf32>, tensor<4x6xf32>, tensor<3x6xf32>, tensor<4x3xf32>, f32, tensor<2x3xf32>, tensor<2xf32>, tensor<2x2xf32>, index, tensor<?x6xf32>, tensor<?x?xf32>, tensor<?x3xf32>, tensor<3xf32>) {
  %0 = "tensor.extract_slice"(%a) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 1, 2>, static_sizes = array<i64: 2, 3>, static_strides = array<i64: 2, 1>}> : (tensor<4x6xf32>) -> tensor<2x3xf32>
  %1 = "tensor.insert_slice"(%b, %a) <{operandSegmentSizes = array<i32: 1, 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 2, 3>, static_strides = array<i64: 2, 2>}> : (tensor<2x3xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
  %2 = "tensor.expand_shape"(%a) <{reassociation = [[0, 1], [2]], static_output_shape = array<i64: 2, 2, 6>}> : (tensor<4x6xf32>) -> tensor<2x2x6xf32>
  %3 = "tensor.collapse_shape"(%2) <{reassociation = [[0, 1], [2]]}> : (tensor<2x2x6xf32>) -> tensor<4x6xf32>
  %4 = "tensor.pad"(%b) <{operandSegmentSizes = array<i32: 1, 0, 0>, static_high = array<i64: 1, 2>, static_low = array<i64: 0, 1>}> ({
  ^bb0(%p: index, %q: index):
    "tensor.yield"(%x) : (f32) -> ()
  }) : (tensor<2x3xf32>) -> tensor<3x6xf32>
  %5 = "tensor.concat"(%b, %b) <{dim = 0 : i64}> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %6 = tensor.extract %b[%i, %i] : tensor<2x3xf32>
  %7 = tensor.insert %x into %b[%i, %i] : tensor<2x3xf32>
  %8 = tensor.from_elements %x, %6 : tensor<2xf32>
  %9 = "tensor.generate"() ({
  ^bb0(%p: index, %q: index):
    %s1 = arith.addi %p, %q : index
    %s2 = arith.index_cast %s1 : index to i32
    %s3 = arith.sitofp %s2 : i32 to f32
    "tensor.yield"(%s3) : (f32) -> ()
  }) : () -> tensor<2x2xf32>
  %10 = tensor.dim %a, %i : tensor<4x6xf32>
  %11 = tensor.cast %a : tensor<4x6xf32> to tensor<?x6xf32>
  %12 = "tensor.reshape"(%a, %s) : (tensor<4x6xf32>, tensor<2xindex>) -> tensor<?x?xf32>
  %13 = tensor.empty(%i) : tensor<?x3xf32>
  %14 = "tensor.extract_slice"(%a) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 3, 0>, static_sizes = array<i64: 1, 3>, static_strides = array<i64: 1, 2>}> : (tensor<4x6xf32>) -> tensor<3xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14 : tensor<2x3xf32>, tensor<4x6xf32>, tensor<2x2x6xf32>, tensor<4x6xf32>, tensor<3x6xf32>, tensor<4x3xf32>, f32, tensor<2x3xf32>, tensor<2xf32>, tensor<2x2xf32>, index, tensor<?x6xf32>, tensor<?x?xf32>, tensor<?x3xf32>, tensor<3xf32>
}`;

test("every op in the reference interpreter (hand-checked)", () => {
  const a = Tensor.fromArray("f32", [4, 6], Array.from({ length: 24 }, (_, k) => k)); // a[r][c] = 6r + c
  const b = Tensor.fromArray("f32", [2, 3], [1, 2, 3, 4, 5, 6]);
  const r = run(SRC, [a, b, 1n, Tensor.fromArray("i64", [2], [3n, 8n]), 9]);
  expect(vals(r[0])).toEqual([8, 9, 10, 20, 21, 22]); // rows 1 and 3, cols 2..4
  const ins = vals(r[1]);
  expect([ins[0], ins[2], ins[4], ins[12], ins[14], ins[16], ins[1]]).toEqual([1, 2, 3, 4, 5, 6, 1]);
  expect((r[2] as Tensor).shape).toEqual([2, 2, 6]);
  expect(vals(r[3])).toEqual(vals(a));
  expect(vals(r[4])).toEqual([9, 1, 2, 3, 9, 9, 9, 4, 5, 6, 9, 9, 9, 9, 9, 9, 9, 9]);
  expect(vals(r[5])).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
  expect(r[6]).toBe(5);
  expect(vals(r[7])).toEqual([1, 2, 3, 4, 9, 6]);
  expect(vals(r[8])).toEqual([9, 5]);
  expect(vals(r[9])).toEqual([0, 1, 1, 2]);
  expect(r[10]).toBe(6n);
  expect((r[11] as Tensor).shape).toEqual([4, 6]);
  expect((r[12] as Tensor).shape).toEqual([3, 8]);
  expect((r[13] as Tensor).shape).toEqual([1, 3]);
  expect(vals(r[14])).toEqual([18, 20, 22]);
});

test("bad runtime input is a clear error", () => {
  const a = Tensor.fromArray("f32", [4, 6], new Array(24).fill(0));
  const b = Tensor.fromArray("f32", [2, 3], new Array(6).fill(0));
  expect(() => run(SRC, [a, b, 7n, Tensor.fromArray("i64", [2], [3n, 8n]), 1])).toThrow(/tensor.extract: index 7 is out of bounds for dimension 0 of size 2/);
  expect(() => run(SRC, [a, b, 1n, Tensor.fromArray("i64", [2], [5n, 5n]), 1])).toThrow(/tensor.reshape: cannot reshape 24 elements to \[5, 5\]/);
});

test("generic form round-trips", () => {
  const g = printOp(parse(SRC), { generic: true });
  expect(printOp(parse(g), { generic: true })).toBe(g);
  expect(printOp(parse(printOp(parse(SRC))))).toBe(printOp(parse(SRC)));
});

const bad = (body: string, sig = "%a: tensor<4x6xf32>, %b: tensor<2x3xf32>, %i: index") => () => parse(`func.func @f(${sig}) { ${body} return }`);
test("verifier names the rule", () => {
  expect(bad(`%0 = "tensor.extract_slice"(%a) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 3, 2>, static_sizes = array<i64: 2, 3>, static_strides = array<i64: 1, 1>}> : (tensor<4x6xf32>) -> tensor<2x3xf32>`))
    .toThrow(/slice along dimension 0 \(offset 3, size 2, stride 1\) runs out of bounds of size 4/);
  expect(bad(`%0 = "tensor.extract_slice"(%a) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 2, 3>, static_strides = array<i64: 1, 1>}> : (tensor<4x6xf32>) -> tensor<3x2xf32>`))
    .toThrow(/slice type 'tensor<3x2xf32>' does not match sizes \[2, 3\]/);
  expect(bad(`%0 = "tensor.collapse_shape"(%a) <{reassociation = [[0], [1]]}> : (tensor<4x6xf32>) -> tensor<24xf32>`))
    .toThrow(/reassociation has 2 groups but the collapsed type 'tensor<24xf32>' has rank 1/);
  expect(bad(`%0 = "tensor.expand_shape"(%a) <{reassociation = [[0, 1], [2]], static_output_shape = array<i64: 3, 2, 6>}> : (tensor<4x6xf32>) -> tensor<3x2x6xf32>`))
    .toThrow(/reassociation group 0 has size 6 but collapsed dimension 0 is 4/);
  expect(bad(`%0 = tensor.extract %b[%i] : tensor<2x3xf32>`)).toThrow(/incorrect number of indices for extract_element: 1 for rank 2/);
  expect(bad(`%0 = tensor.empty() : tensor<?x3xf32>`)).toThrow(/incorrect number of dynamic sizes, has 0, expected 1/);
  expect(bad(`%0 = "tensor.concat"(%b, %a) <{dim = 0 : i64}> : (tensor<2x3xf32>, tensor<4x6xf32>) -> tensor<6x3xf32>`)).toThrow(/input #1 dimension 1 is 6, result has 3/);
  expect(bad(`%0 = tensor.cast %a : tensor<4x6xf32> to tensor<?x5xf32>`)).toThrow(/are cast incompatible/);
  expect(bad(`%c = arith.constant 0 : i32
    %0 = "tensor.pad"(%b) <{operandSegmentSizes = array<i32: 1, 0, 0>, static_high = array<i64: 1, 2>, static_low = array<i64: 0, 1>}> ({
    ^bb0(%p: index, %q: index):
      "tensor.yield"(%c) : (i32) -> ()
    }) : (tensor<2x3xf32>) -> tensor<3x6xf32>`)).toThrow(/'tensor.yield' op yields 'i32' but the parent's element type is 'f32'/);
});

const have = spawnSync("mlir-opt-19", ["--version"]).status === 0;
(have ? test : test.skip)("mlir-opt-19 accepts our generic form and it parses back identical", () => {
  const ours = printOp(parse(SRC), { generic: true });
  const theirs = execFileSync("mlir-opt-19", ["--mlir-print-op-generic", "-"], { input: ours, encoding: "utf8" });
  expect(generic(theirs)).toBe(generic(ours));
});
