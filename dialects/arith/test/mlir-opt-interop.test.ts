// Interop with the real MLIR: what zkmlir prints in generic form is accepted by mlir-opt-19
// (builtin/func/arith without --allow-unregistered-dialect), and mlir-opt's generic output parses
// back in zkmlir to the same module up to value names and default-valued properties.
import { execFileSync, spawnSync } from "node:child_process";
import { parseModule, printOp, verify, Context, BuiltinDialect } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect] });
const MLIR_OPT = "mlir-opt-19";
const have = spawnSync(MLIR_OPT, ["--version"]).status === 0;
if (!have && process.env.CI === "true") throw new Error(`${MLIR_OPT} is required in CI (apt-get install mlir-19-tools)`);
const maybe = have ? test : test.skip;

function mlirOpt(text: string, args: string[] = []): string {
  return execFileSync(MLIR_OPT, ["--mlir-print-op-generic", ...args, "-"], { input: text, encoding: "utf8" });
}
const canon = (text: string) => printOp(parseModule(text, { context: ctx }), { generic: true, elideDefaultProperties: true });

const CASES: Record<string, string> = {
  scalar: `func.func @f(%a: i32, %b: f32, %t: tensor<2x3xf32>) -> (i32, f32, tensor<2x3xf32>) {
    %c = arith.constant -7 : i32
    %0 = arith.addi %a, %c : i32
    %1 = arith.divsi %0, %a : i32
    %2 = arith.cmpi uge, %1, %a : i32
    %3 = arith.select %2, %1, %0 : i32
    %4 = arith.sitofp %3 : i32 to f32
    %5 = arith.divf %4, %b : f32
    %6 = arith.cmpf olt, %5, %b : f32
    %7 = arith.select %6, %5, %b : f32
    %8 = arith.extsi %3 : i32 to i64
    %9 = arith.trunci %8 : i64 to i16
    %10 = arith.index_cast %3 : i32 to index
    %w = arith.constant dense<[[1.0, -2.5, 0.1], [3.0e+38, 0.0, -0.0]]> : tensor<2x3xf32>
    %11 = arith.addf %t, %w : tensor<2x3xf32>
    %nan = arith.constant 0x7FC00000 : f32
    %12 = arith.maximumf %7, %nan : f32
    return %3, %12, %11 : i32, f32, tensor<2x3xf32>
  }
  func.func private @decl(i64) -> i1
  func.func @caller(%x: i64) -> i1 {
    %r = func.call @decl(%x) : (i64) -> i1
    return %r : i1
  }`,
  cfg: `func.func @g(%a: i1, %x: i32) -> i32 {
    "cf.cond_br"(%a, %x)[^bb1, ^bb2] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()
  ^bb1(%v: i32):
    "func.return"(%v) : (i32) -> ()
  ^bb2:
    "func.return"(%x) : (i32) -> ()
  }`,
};

for (const [name, src] of Object.entries(CASES)) {
  maybe(`mlir-opt-19 accepts zkmlir's generic form and round-trips: ${name}`, () => {
    const unreg = name === "cfg";
    const m = parseModule(src, { context: ctx, allowUnregistered: unreg });
    verify(m, { allowUnregistered: unreg }, ctx);
    const ours = printOp(m, { generic: true });
    const theirs = mlirOpt(ours, unreg ? ["--allow-unregistered-dialect"] : []);
    const ctx2 = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect], allowUnregistered: unreg });
    const back = parseModule(theirs, { context: ctx2 });
    verify(back, { allowUnregistered: unreg }, ctx2);
    const c = (t: string) => printOp(parseModule(t, { context: ctx2 }), { generic: true, elideDefaultProperties: true });
    expect(c(theirs)).toBe(c(ours));
  });
}

maybe("zkmlir detects a structural difference (the comparison can fail)", () => {
  const a = canon(`func.func @f(%a: i32) -> i32 { %0 = arith.addi %a, %a : i32 return %0 : i32 }`);
  const theirs = mlirOpt(`func.func @f(%a: i32) -> i32 { %0 = arith.muli %a, %a : i32 return %0 : i32 }`);
  expect(canon(theirs)).not.toBe(a);
});

maybe("locations (aliases defined after use) and dense_resource blobs survive a trip through mlir-opt-19", () => {
  const src = `module {
  func.func @f(%a: tensor<4xf32> loc("in")) -> tensor<4xf32> {
    %w = arith.constant dense_resource<w1> : tensor<4xf32> loc("w")
    %0 = arith.addf %a, %w : tensor<4xf32> loc(fused["conv1", "t.py":3:4])
    %1 = arith.mulf %0, %0 : tensor<4xf32> loc(callsite("x" at "y.py":1:2))
    return %1 : tensor<4xf32> loc("ret"("f.py":9:1))
  } loc("fn")
} loc("m.mlir":1:1)
{-#
  dialect_resources: {
    builtin: {
      w1: "0x040000000000803F0000004000004040000080C0"
    }
  }
#-}`;
  const ours = printOp(parseModule(src, { context: ctx }), { generic: true, debugInfo: true });
  const theirs = mlirOpt(ours, ["--mlir-print-debuginfo"]);
  expect(theirs).toMatch(/#loc\d* = loc\(fused/); // mlir-opt used aliases defined after the module
  const back = parseModule(theirs, { context: ctx });
  expect(printOp(back, { generic: true, debugInfo: true, elideDefaultProperties: true }))
    .toBe(printOp(parseModule(ours, { context: ctx }), { generic: true, debugInfo: true, elideDefaultProperties: true }));
  expect(printOp(back)).toContain('w1: "0x040000000000803F0000004000004040000080C0"');
});
