import { parseModule, printOp, verify, Context, BuiltinDialect } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect] });
const SRC = `module {
  func.func @f(%arg0: i32, %arg1: f32, %arg2: tensor<4xf32>) -> (i32, f32) {
    %c1_i32 = arith.constant 1 : i32
    %0 = arith.addi %arg0, %c1_i32 : i32
    %1 = arith.mulf %arg1, %arg1 : f32
    %2 = arith.cmpi slt, %0, %arg0 : i32
    %3 = arith.select %2, %0, %arg0 : i32
    %4 = arith.sitofp %3 : i32 to f32
    %5 = arith.addf %4, %1 : f32
    %6 = arith.negf %arg2 : tensor<4xf32>
    return %3, %5 : i32, f32
  }
}`;

test("custom forms round-trip and verify", () => {
  const m = parseModule(SRC, { context: ctx });
  verify(m, {}, ctx);
  const out = printOp(m);
  expect(out).toContain("%1 = arith.addi %arg0, %0 : i32");
  expect(out).toContain("%3 = arith.cmpi slt, %1, %arg0 : i32");
  expect(out).toContain("func.return %4, %6 : i32, f32");
  const again = printOp(parseModule(out, { context: ctx }));
  expect(again).toBe(out);
});

test("generic form of the same module", () => {
  const m = parseModule(SRC, { context: ctx });
  const g = printOp(m, { generic: true });
  expect(g).toContain(`"arith.cmpi"(%1, %arg0) <{predicate = 2 : i64}> : (i32, i32) -> i1`);
  expect(g).toContain(`"func.func"() <{function_type = (i32, f32, tensor<4xf32>) -> (i32, f32), sym_name = "f"}> ({`);
  expect(printOp(parseModule(g, { context: ctx }), { generic: true })).toBe(g);
});

test("verifier names the op and the rule", () => {
  const bad = `func.func @f(%a: i32) -> f32 {\n  return %a : i32\n}`;
  const m = parseModule(bad, { context: ctx, file: "bad.mlir" });
  expect(() => verify(m, {}, ctx)).toThrow(/'func.return' op type of return operand 0 \('i32'\) doesn't match function result type \('f32'\)/);
  const dom = `func.func @g(%a: i32) -> i32 {\n  %0 = arith.addi %1, %a : i32\n  %1 = arith.addi %a, %a : i32\n  return %0 : i32\n}`;
  expect(() => verify(parseModule(dom, { context: ctx }), {}, ctx)).toThrow(/does not dominate/);
  const unreg = `"foo.bar"() : () -> ()`;
  expect(() => parseModule(unreg, { context: ctx })).toThrow(/unregistered dialect: 'foo.bar'/);
});
