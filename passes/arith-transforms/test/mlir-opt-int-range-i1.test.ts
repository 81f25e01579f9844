// The comparison folding client against the real MLIR on i1: `mlir-opt-19 --int-range-optimizations`
// and our arith-int-range-optimizations must decide the same comparisons the same way (i1 is
// signed [-1, 0], so `x <=s false` holds for every i1 x). Runs only where mlir-opt-19 exists;
// in CI it must.
import { execFileSync, spawnSync } from "node:child_process";
import { parseModule, printOp, Context, BuiltinDialect, PassManager, IntegerAttr, moduleBody } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "@zkmlir/arith";
import { IntRangeOptimizationsPass } from "../src/index.js";

const MLIR_OPT = "mlir-opt-19";
const have = spawnSync(MLIR_OPT, ["--version"]).status === 0;
if (!have && process.env.CI === "true") throw new Error(`${MLIR_OPT} is required in CI (apt-get install mlir-19-tools)`);
const maybe = have ? test : test.skip;

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect] });

const SRC = `func.func @f(%c: i1, %d: i1, %x: i8) -> (i1, i1, i1, i1, i1, i1, i1, i1) {
  %f = arith.constant false
  %t = arith.constant true
  %z = arith.constant 0 : i8
  %m1 = arith.constant -1 : i8
  %e = arith.extsi %c : i1 to i8
  %u = arith.extui %c : i1 to i8
  %0 = arith.cmpi sle, %c, %f : i1
  %1 = arith.cmpi sge, %c, %t : i1
  %2 = arith.cmpi sle, %e, %z : i8
  %3 = arith.cmpi sge, %e, %m1 : i8
  %4 = arith.cmpi sge, %u, %z : i8
  %5 = arith.cmpi ult, %c, %f : i1
  %6 = arith.cmpi slt, %c, %d : i1
  %7 = arith.cmpi sgt, %e, %z : i8
  return %0, %1, %2, %3, %4, %5, %6, %7 : i1, i1, i1, i1, i1, i1, i1, i1
}`;

/** Per returned value: "true"/"false" when it is a constant, "open" otherwise. */
function returned(text: string): string[] {
  const m = parseModule(text, { context: ctx });
  const ret = moduleBody(m).first!.region(0).entry!.last!;
  return ret.operandValues.map((v) => {
    const d = v.definingOp;
    const a = d?.name === "arith.constant" ? d.getAttr("value") : undefined;
    return a instanceof IntegerAttr ? (a.value ? "true" : "false") : "open";
  });
}

maybe("arith-int-range-optimizations decides i1 comparisons as mlir-opt-19 --int-range-optimizations", () => {
  const theirs = returned(execFileSync(MLIR_OPT, ["--int-range-optimizations", "-"], { input: SRC, encoding: "utf8" }));
  const m = parseModule(SRC, { context: ctx });
  const pm = new PassManager(ctx);
  pm.addPass(new IntRangeOptimizationsPass());
  pm.run(m);
  const ours = returned(printOp(m));
  expect(ours).toEqual(theirs);
  // What is compared: signed facts of i1 decided, comparisons of two unknown bits left open.
  expect(ours).toEqual(["true", "true", "true", "true", "true", "false", "open", "false"]);
});
