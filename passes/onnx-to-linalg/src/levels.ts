// Running a module at a chosen level of the pipeline (the differential check behind
// `zkmlir run --level`): "onnx" interprets the onnx ops with the reference kernels; "linalg"
// lowers a copy with convert-onnx-to-linalg and interprets linalg/tensor/arith/math;
// "linalg-fused" also runs linalg-fuse-elementwise.
import { BuiltinDialect, Context, FunctionType, Interpreter, RankedTensorType, StringAttr, Tensor, TypeAttr, cloneOp, dtypeOf, elementTypeOf, verify, type ImplTable, type Operation, type Type } from "@zkmlir/core";
import { ArithDialect, arithImpls } from "@zkmlir/arith";
import { FuncDialect, funcImpls } from "@zkmlir/func";
import { OnnxDialect, onnxImpls } from "@zkmlir/onnx-dialect";
import { LinalgDialect, linalgImpls } from "@zkmlir/linalg";
import { TensorDialect, tensorImpls } from "@zkmlir/tensor";
import { MathDialect, mathImpls } from "@zkmlir/math";
import { convertOnnxToLinalg } from "./pass.js";
import { OnnxSimplifyPass } from "@zkmlir/onnx-transforms";
import { bindParameterInputs } from "./specialize-inputs.js";
import { fuseElementwise } from "./fuse/fuse-elementwise.js";

export type Level = "onnx" | "linalg" | "linalg-fused";
export const LEVELS: readonly Level[] = ["onnx", "linalg", "linalg-fused"];

export const ONNX_LEVEL_IMPLS: ImplTable = onnxImpls.merge(funcImpls, arithImpls);
export const LINALG_LEVEL_IMPLS: ImplTable = funcImpls.merge(arithImpls, mathImpls, linalgImpls, tensorImpls);
export const LINALG_CONTEXT = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect, MathDialect, LinalgDialect, TensorDialect] });
export const ONNX_CONTEXT = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect, OnnxDialect] });
/** Both sides of the lowering (for pass managers that verify between passes). */
export const LOWERING_CONTEXT = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect, OnnxDialect, MathDialect, LinalgDialect, TensorDialect] });

export class LevelError extends Error {
  override name = "LevelError";
}

const hasDynamicTypes = (m: Operation): boolean => {
  let dyn = false;
  m.walk((op) => { for (const r of op.results) if (!(r.type instanceof RankedTensorType && r.type.hasStaticShape) && op.dialect === "onnx") dyn = true; });
  return dyn;
};

function resultTypesOf(f: Operation | undefined): readonly Type[] {
  const ft = (f?.getAttr("function_type") as TypeAttr | undefined)?.type;
  return ft instanceof FunctionType ? ft.results : [];
}

function funcOf(m: Operation, name: string | undefined): Operation | undefined {
  for (let o = m.region(0).entry?.first ?? null; o; o = o.next) {
    const n = o.getAttr("sym_name");
    if (o.name === "func.func" && (!name || (n instanceof StringAttr && n.value === name))) return o;
  }
  return undefined;
}

/** Lowers a copy of an onnx-level module to `level` (shapes specialized to `inputs` if needed). */
export function lowerToLevel(module: Operation, level: Level, inputs: readonly Tensor[], funcName?: string): Operation {
  const m = cloneOp(module);
  if (level === "onnx") return m;
  const func = funcOf(m, funcName);
  if (func) bindParameterInputs(func, inputs);
  // Static shapes come from onnx-simplify (shape inference + constant folding to a fixed point).
  new OnnxSimplifyPass().run(m);
  if (hasDynamicTypes(m)) throw new LevelError("some onnx values still have dynamic shapes after onnx-simplify; the linalg level needs static shapes");
  convertOnnxToLinalg(m);
  if (level === "linalg-fused") fuseElementwise(m);
  verify(m, {}, LINALG_CONTEXT);
  return m;
}

/** Interprets `module` (onnx level) at `level` on positional inputs; returns the results. */
export function runAtLevel(module: Operation, level: Level, inputs: readonly Tensor[], funcName?: string): Tensor[] {
  if (!LEVELS.includes(level)) throw new LevelError(`unknown level '${level}' (expected ${LEVELS.join(", ")})`);
  const lowered = lowerToLevel(module, level, inputs, funcName);
  const impls = level === "onnx" ? ONNX_LEVEL_IMPLS : LINALG_LEVEL_IMPLS;
  const outs = new Interpreter(lowered, impls).run(funcName, [...inputs]) as Tensor[];
  // Lowered modules compute unsigned ONNX values as signless integers: same bits, ONNX's dtype.
  const declared = resultTypesOf(funcOf(module, funcName));
  return outs.map((t, i) => {
    const want = declared[i] ? dtypeOf(elementTypeOf(declared[i]!)) : undefined;
    return want === "u8" && t.dtype === "i8" ? new Tensor("u8", t.shape, new Uint8Array(t.data.buffer, t.data.byteOffset, t.size)) : t;
  });
}
