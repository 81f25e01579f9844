// The Context zkmlir-opt parses with: every dialect the CLI depends on.
import { BuiltinDialect, Context, passRegistry, type Dialect } from "@zkmlir/core";
import { registerTransformPasses } from "@zkmlir/transforms";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "@zkmlir/arith";
import { registerArithTransformPasses } from "@zkmlir/arith-transforms";
import { MathDialect } from "@zkmlir/math";
import { TensorDialect } from "@zkmlir/tensor";
import { LinalgDialect } from "@zkmlir/linalg";
import { ScfDialect } from "@zkmlir/scf";
import { OnnxDialect } from "@zkmlir/onnx-dialect";
import { registerOnnxTransformPasses } from "@zkmlir/onnx-transforms";
import { registerOnnxToLinalgPasses } from "@zkmlir/onnx-to-linalg";

export const OPT_DIALECTS: readonly Dialect[] = [
  BuiltinDialect, FuncDialect, ArithDialect, MathDialect, TensorDialect, LinalgDialect, ScfDialect, OnnxDialect,
];

let registered = false;
/** Registers every pass the CLI knows into the global registry (once). */
export function registerAllPasses(): void {
  if (registered) return;
  registered = true;
  registerTransformPasses(passRegistry);
  registerOnnxTransformPasses(passRegistry);
  registerOnnxToLinalgPasses(passRegistry);
  registerArithTransformPasses(passRegistry);
}

export function createOptContext(allowUnregistered: boolean): Context {
  return new Context({ dialects: OPT_DIALECTS, allowUnregistered });
}

