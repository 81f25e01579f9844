// Floating-point math ops (unary, binary, fma, fpowi): elementwise on scalars and tensors,
// with the `fastmath` property as upstream (`#arith.fastmath<none>` by default).
import {
  defineOp, EnumAttr, Pure, SameOperandsAndResultType, FloatLike, SignlessIntegerOrIndexLike, elementTypeOf, RankedTensorType,
  type OpDef,
} from "@zkmlir/core";
import { FLOAT_UNARY, FLOAT_BINARY } from "../fn/semantics.js";
import { FASTMATH_NONE, mathFormat } from "./format.js";

export const FastmathC = EnumAttr("arith", "fastmath", ["none", "reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn", "fast"]);
const fastmath = { fastmath: { constraint: FastmathC, default: FASTMATH_NONE } };

const SUMMARY: Record<string, string> = {
  absf: "floating point absolute-value", ceil: "ceiling of the given value", floor: "floor of the given value",
  round: "round to the nearest integer, ties away from zero", roundeven: "round to the nearest integer, ties to even",
  trunc: "round towards zero", exp: "base-e exponential", exp2: "base-2 exponential", expm1: "exp(x) - 1",
  log: "natural logarithm", log2: "base-2 logarithm", log10: "base-10 logarithm", log1p: "log(1 + x)",
  sqrt: "square root", rsqrt: "reciprocal of sqrt (1 / sqrt(x))", cbrt: "cube root", erf: "error function",
  sin: "sine", cos: "cosine", tan: "tangent", asin: "arcsine", acos: "arccosine", atan: "arctangent",
  sinh: "hyperbolic sine", cosh: "hyperbolic cosine", tanh: "hyperbolic tangent",
  asinh: "inverse hyperbolic sine", acosh: "inverse hyperbolic cosine", atanh: "inverse hyperbolic tangent",
  powf: "floating point raised to the power of", atan2: "2-argument arctangent", copysign: "a copysign operation",
};

const defs: Record<string, OpDef> = {};
function floatOp(name: string, arity: number): OpDef {
  const full = `math.${name}`;
  const def = defineOp({
    name: full,
    summary: SUMMARY[name] ?? name,
    operands: (arity === 1 ? ["operand"] : ["lhs", "rhs"]).map((n) => ({ name: n, type: FloatLike })),
    results: [{ name: "result", type: FloatLike }],
    attributes: fastmath,
    traits: [Pure, SameOperandsAndResultType],
    format: mathFormat(true, 1),
  });
  defs[full] = def;
  return def;
}

export const FloatUnaryOps: OpDef[] = Object.keys(FLOAT_UNARY).map((n) => floatOp(n, 1));
export const FloatBinaryOps: OpDef[] = Object.keys(FLOAT_BINARY).map((n) => floatOp(n, 2));
export const FmaOp = defineOp({
  name: "math.fma",
  summary: "floating point fused multiply-add: a * b + c",
  operands: [{ name: "a", type: FloatLike }, { name: "b", type: FloatLike }, { name: "c", type: FloatLike }],
  results: [{ name: "result", type: FloatLike }],
  attributes: fastmath,
  traits: [Pure, SameOperandsAndResultType],
  format: mathFormat(true, 1),
});

const sameShape = (a: ReturnType<typeof elementTypeOf>, b: ReturnType<typeof elementTypeOf>) =>
  (a instanceof RankedTensorType) === (b instanceof RankedTensorType) && (!(a instanceof RankedTensorType) || a.shape.join() === (b as RankedTensorType).shape.join());

export const FPowIOp = defineOp({
  name: "math.fpowi",
  summary: "floating point raised to the signed integer power",
  operands: [{ name: "lhs", type: FloatLike }, { name: "rhs", type: SignlessIntegerOrIndexLike }],
  results: [{ name: "result", type: FloatLike }],
  attributes: fastmath,
  traits: [Pure],
  verify: (op) => {
    if (op.operand(0).type !== op.result(0).type) return "requires the same type for the base and the result";
    return sameShape(op.operand(0).type, op.operand(1).type) ? undefined : "base and exponent must have the same shape";
  },
  format: mathFormat(true, 2),
});
