import { parseModule, Interpreter, Context, BuiltinDialect, Tensor } from "@zkmlir/core";
import { FuncDialect, funcImpls } from "@zkmlir/func";
import { ArithDialect, arithImpls } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect] });
const run = (src: string, args: unknown[], fn?: string) => new Interpreter(parseModule(src, { context: ctx }), arithImpls.merge(funcImpls)).run(fn, args);

test("integer ops wrap at their width and stay exact at 64 bits", () => {
  const src = `func.func @f(%a: i8, %b: i64) -> (i8, i64, i1) {
    %0 = arith.addi %a, %a : i8
    %1 = arith.muli %b, %b : i64
    %2 = arith.cmpi ult, %a, %0 : i8 // 100 <u 200 (= -56 as i8)
    return %0, %1, %2 : i8, i64, i1 }`;
  expect(run(src, [100n, 3037000500n])).toEqual([-56n, BigInt.asIntN(64, 3037000500n * 3037000500n), 1n]);
});

test("float ops round to f32; calls and recursion through func.call", () => {
  const src = `func.func @sq(%x: f32) -> f32 { %0 = arith.mulf %x, %x : f32 return %0 : f32 }
  func.func @main(%x: f32) -> f32 { %0 = func.call @sq(%x) : (f32) -> f32 %1 = func.call @sq(%0) : (f32) -> f32 return %1 : f32 }`;
  const [r] = run(src, [1.1], "main") as number[];
  const s = Math.fround(Math.fround(1.1) * Math.fround(1.1));
  expect(r).toBe(Math.fround(s * s));
});

test("elementwise ops on tensors", () => {
  const src = `func.func @f(%a: tensor<3xf32>) -> tensor<3xf32> {
    %c = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
    %0 = arith.addf %a, %c : tensor<3xf32>
    return %0 : tensor<3xf32> }`;
  const [t] = run(src, [Tensor.fromArray("f32", [3], [0.5, 0.25, -3])]) as Tensor[];
  expect(Array.from(t!.data as Float32Array)).toEqual([1.5, 2.25, 0]);
});

test("division by zero is an error naming the op, not a wrong answer", () => {
  const src = `func.func @f(%a: i32) -> i32 { %z = arith.constant 0 : i32 %0 = arith.divsi %a, %z : i32 return %0 : i32 }`;
  expect(() => run(src, [1n])).toThrow(/arith.divsi: undefined behaviour/);
});

test("i1 is stored 0/1 but true is -1 when read as signed, on scalars and tensors (as upstream MLIR)", () => {
  const src = `func.func @f(%c: i1, %t: tensor<2xi1>) -> (i32, i32, f32, i1, i1, index, tensor<2xi32>, tensor<2xf32>) {
    %f = arith.constant false
    %0 = arith.extsi %c : i1 to i32
    %1 = arith.extui %c : i1 to i32
    %2 = arith.sitofp %c : i1 to f32
    %3 = arith.cmpi slt, %c, %f : i1
    %4 = arith.maxsi %c, %f : i1
    %5 = arith.index_cast %c : i1 to index
    %6 = arith.extsi %t : tensor<2xi1> to tensor<2xi32>
    %7 = arith.sitofp %t : tensor<2xi1> to tensor<2xf32>
    return %0, %1, %2, %3, %4, %5, %6, %7 : i32, i32, f32, i1, i1, index, tensor<2xi32>, tensor<2xf32> }`;
  const out = run(src, [1n, Tensor.fromArray("i1", [2], [1, 0])]);
  expect(out.slice(0, 6)).toEqual([-1n, 1n, -1, 1n, 0n, -1n]);
  expect(Array.from((out[6] as Tensor).data as Int32Array)).toEqual([-1, 0]);
  expect(Array.from((out[7] as Tensor).data as Float32Array)).toEqual([-1, 0]);
  // false reads as 0 in every view.
  expect(run(src, [0n, Tensor.fromArray("i1", [2], [0, 0])]).slice(0, 6)).toEqual([0n, 0n, 0, 0n, 0n, 0n]);
});

test("signed division of i1 true by true overflows (-1 / -1): undefined behaviour", () => {
  const src = `func.func @f(%a: i1) -> i1 { %0 = arith.divsi %a, %a : i1 return %0 : i1 }`;
  expect(() => run(src, [1n])).toThrow(/arith.divsi: undefined behaviour/);
});
