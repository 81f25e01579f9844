// Shared test setup: a context with every dialect the linalg tests use, an interpreter runner
// and mlir-opt-19 access.
import { execFileSync, spawnSync } from "node:child_process";
import { parseModule, printOp, verify, Context, BuiltinDialect, Interpreter, type Operation } from "@zkmlir/core";
import { FuncDialect, funcImpls } from "@zkmlir/func";
import { ArithDialect, arithImpls } from "@zkmlir/arith";
import { TensorDialect, tensorImpls } from "@zkmlir/tensor";
import { MathDialect, mathImpls } from "@zkmlir/math";
import { LinalgDialect, linalgImpls } from "../src/index.js";

export const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect, TensorDialect, MathDialect, LinalgDialect] });
export const impls = arithImpls.merge(funcImpls, tensorImpls, mathImpls, linalgImpls);

export function parse(src: string): Operation {
  const m = parseModule(src, { context: ctx });
  verify(m, {}, ctx);
  return m;
}
export function run(src: string | Operation, args: unknown[], fn?: string): unknown[] {
  const m = typeof src === "string" ? parse(src) : src;
  return new Interpreter(m, impls).run(fn, args);
}
export const generic = (m: Operation) => printOp(m, { generic: true, elideDefaultProperties: true });

export const MLIR_OPT = "mlir-opt-19";
export const haveMlirOpt = spawnSync(MLIR_OPT, ["--version"]).status === 0;
if (!haveMlirOpt && process.env.CI === "true") throw new Error(`${MLIR_OPT} is required in CI (apt-get install mlir-19-tools)`);
export function mlirOpt(text: string): string {
  return execFileSync(MLIR_OPT, ["--mlir-print-op-generic", "-"], { input: text, encoding: "utf8" });
}
