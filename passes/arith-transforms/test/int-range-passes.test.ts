// IR in, IR out: the range-annotation debug pass and the comparison folding client, run through
// the pass manager; and the analysis' caching in the AnalysisManager.
import {
  parseModule, printOp, Context, BuiltinDialect, PassManager, PassRegistry, AnalysisManager, IntRangeAnalysis,
} from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "@zkmlir/arith";
import { TestPrintIntRangePass, IntRangeOptimizationsPass, registerArithTransformPasses } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect] });

const SRC = `func.func @clamp(%x: i32) -> (i1, i1, i1) {
  %c255 = arith.constant 255 : i32
  %c256 = arith.constant 256 : i32
  %c0 = arith.constant 0 : i32
  %m = arith.andi %x, %c255 : i32
  %in = arith.cmpi ult, %m, %c256 : i32
  %neg = arith.cmpi slt, %m, %c0 : i32
  %open = arith.cmpi ult, %x, %c256 : i32
  return %in, %neg, %open : i1, i1, i1
}`;

test("test-print-int-range annotates every integer result with its range", () => {
  const m = parseModule(SRC, { context: ctx });
  const pm = new PassManager(ctx);
  pm.addPass(new TestPrintIntRangePass());
  pm.run(m);
  const out = printOp(m);
  expect(out).toMatch(/arith\.andi %\w+, %\w+ \{int_range = \["signed \[0, 255\] unsigned \[0, 255\]"\]\} : i32/);
  expect(out).toMatch(/arith\.cmpi ult, %\w+, %\w+ \{int_range = \["signed \[-1, -1\] unsigned \[1, 1\]"\]\} : i32/);
  expect(out).toMatch(/arith\.cmpi slt, %\w+, %\w+ \{int_range = \["signed \[0, 0\] unsigned \[0, 0\]"\]\} : i32/);
  expect(out).toMatch(/arith\.cmpi ult, %arg0, %\w+ \{int_range = \["signed \[-1, 0\] unsigned \[0, 1\]"\]\} : i32/);
});

test("arith-int-range-optimizations folds the decided comparisons and keeps the open one", () => {
  const m = parseModule(SRC, { context: ctx });
  const pm = new PassManager(ctx);
  const pass = new IntRangeOptimizationsPass();
  pm.addPass(pass);
  pm.run(m);
  const out = printOp(m);
  expect(out).toContain("arith.constant true");
  expect(out).toContain("arith.constant false");
  expect(out.match(/arith\.cmpi/g)).toHaveLength(1);
  expect(out).toMatch(/arith\.cmpi ult, %arg0, %\w+ : i32/);
  expect(pass.statistics.get("folded comparisons")).toBe(2);
  // The output is valid IR that reparses to the same text.
  expect(printOp(parseModule(out, { context: ctx }))).toBe(out);
});

test("the AnalysisManager computes the analysis once and again after invalidation", () => {
  const m = parseModule(SRC, { context: ctx });
  const am = new AnalysisManager();
  const before = IntRangeAnalysis.runs;
  const a = am.get(IntRangeAnalysis, m);
  expect(am.get(IntRangeAnalysis, m)).toBe(a);
  expect(IntRangeAnalysis.runs).toBe(before + 1);
  am.preserve(IntRangeAnalysis);
  am.invalidate();
  expect(am.get(IntRangeAnalysis, m)).toBe(a);
  am.invalidate(); // not preserved this time
  const b = am.get(IntRangeAnalysis, m);
  expect(b).not.toBe(a);
  expect(IntRangeAnalysis.runs).toBe(before + 2);
});

test("registerArithTransformPasses registers both passes by their arguments", () => {
  const registry = new PassRegistry();
  registerArithTransformPasses(registry);
  expect(registry.create("test-print-int-range")).toBeInstanceOf(TestPrintIntRangePass);
  expect(registry.create("arith-int-range-optimizations")).toBeInstanceOf(IntRangeOptimizationsPass);
  expect(() => registerArithTransformPasses(registry)).toThrow(/already registered/);
});
