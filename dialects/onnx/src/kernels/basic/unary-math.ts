import { Tensor } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { floatUnary, mapUnary, type Unary } from "../util/basic-elementwise.js";
import { erf } from "../util/basic-erf.js";
import { checkDtype, FLOAT_DTYPES, input, numData } from "../util/basic-tensor.js";

/** Kernel applying `impl` to input 0 (dtype families without an implementation are unsupported). */
export function unaryKernel(op: string, impl: Unary): Kernel {
  return (inputs) => [mapUnary(input(inputs, 0, op, "X"), impl, op)];
}

/** Kernel for a float-only function. */
export function floatKernel(op: string, f: (x: number) => number): Kernel {
  return (inputs) => [floatUnary(input(inputs, 0, op, "X"), f, op)];
}

/** Round half to even (ONNX Round, like numpy.round). */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const d = x - f;
  const r = d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  return r === 0 ? 0 * Math.sign(x) : r; // keep the sign of zero: Round(-0.4) is -0
}

const absInt = (x: number): number => Math.abs(x);
const signInt = (x: number): number => Math.sign(x);

function isInf(inputs: readonly (Tensor | undefined)[], attrs: Parameters<Kernel>[1]): Tensor[] {
  const x = input(inputs, 0, "IsInf", "X");
  checkDtype(x, FLOAT_DTYPES, "IsInf", "X");
  const neg = attrInt(attrs, "IsInf", "detect_negative", 1) !== 0;
  const pos = attrInt(attrs, "IsInf", "detect_positive", 1) !== 0;
  const out = new Tensor("i1", x.shape);
  const s = numData(x), d = out.data as Uint8Array;
  for (let i = 0; i < s.length; i++) {
    const v = s[i]!;
    d[i] = (pos && v === Infinity) || (neg && v === -Infinity) ? 1 : 0;
  }
  return [out];
}

function isNaN(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const x = input(inputs, 0, "IsNaN", "X");
  checkDtype(x, FLOAT_DTYPES, "IsNaN", "X");
  const out = new Tensor("i1", x.shape);
  const s = numData(x), d = out.data as Uint8Array;
  for (let i = 0; i < s.length; i++) d[i] = s[i] !== s[i] ? 1 : 0;
  return [out];
}

export const UNARY_MATH_KERNELS: Record<string, Kernel> = {
  Abs: unaryKernel("Abs", { float: Math.abs, int: absInt, i64: (x) => (x < 0n ? -x : x) }),
  Neg: (inputs) => {
    const x = input(inputs, 0, "Neg", "X");
    checkDtype(x, ["f32", "f64", "i8", "i16", "i32", "i64"], "Neg", "X");
    return [mapUnary(x, { float: (v) => -v, int: (v) => -v, i64: (v) => -v }, "Neg")];
  },
  Sign: unaryKernel("Sign", { float: Math.sign, int: signInt, i64: (x) => (x > 0n ? 1n : x < 0n ? -1n : 0n) }),
  Ceil: floatKernel("Ceil", Math.ceil),
  Floor: floatKernel("Floor", Math.floor),
  Round: floatKernel("Round", roundHalfEven),
  Sqrt: floatKernel("Sqrt", Math.sqrt),
  Exp: floatKernel("Exp", Math.exp),
  Log: floatKernel("Log", Math.log),
  Reciprocal: floatKernel("Reciprocal", (x) => 1 / x),
  Erf: floatKernel("Erf", erf),
  Sin: floatKernel("Sin", Math.sin),
  Cos: floatKernel("Cos", Math.cos),
  Tan: floatKernel("Tan", Math.tan),
  Asin: floatKernel("Asin", Math.asin),
  Acos: floatKernel("Acos", Math.acos),
  Atan: floatKernel("Atan", Math.atan),
  Sinh: floatKernel("Sinh", Math.sinh),
  Cosh: floatKernel("Cosh", Math.cosh),
  Asinh: floatKernel("Asinh", Math.asinh),
  Acosh: floatKernel("Acosh", Math.acosh),
  Atanh: floatKernel("Atanh", Math.atanh),
  IsNaN: isNaN,
  IsInf: isInf,
};
