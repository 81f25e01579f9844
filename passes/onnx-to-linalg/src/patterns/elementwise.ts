// Elementwise ONNX ops (arithmetic, comparisons, logic, unary math, Where, Clip, Cast): each
// is the shared broadcast-aware generic with its own scalar body.
import { FloatType, IntegerType, type Builder, type Value } from "@zkmlir/core";
import { elementwise, type ScalarFn } from "../build/elementwise.js";
import { arith, cmp, constant, convert, emit, math, neg, select, type Pred } from "../build/scalar.js";
import { resultType } from "../util/types.js";
import { loweringError } from "../errors.js";
import { floatAttr } from "../util/attrs.js";
import type { Lowering, LowerCtx } from "./lowering.js";

/** Lowers an op whose inputs all feed `fn` (broadcast to the result shape). */
export const ew = (fn: (c: LowerCtx) => ScalarFn): Lowering => (c) => {
  const ins: Value[] = [];
  for (let i = 0; i < c.numInputs; i++) { const v = c.input(i); if (v) ins.push(v); }
  return [elementwise(c.b, ins, resultType(c.op), fn(c))];
};

const unsignedOp = (c: LowerCtx) => c.unsigned(0);

const binary = (kind: Parameters<typeof arith>[1]): Lowering =>
  ew((c) => { const u = unsignedOp(c); return ({ b, args }) => arith(b, kind, args[0]!, args[1]!, u); });

/** Variadic Max/Min/Sum/Mean fold their inputs left to right (as the reference kernels). */
const variadic = (kind: "add" | "max" | "min", mean = false): Lowering =>
  ew((c) => { const u = unsignedOp(c); return ({ b, args, out }) => {
    let acc = args[0]!;
    for (let i = 1; i < args.length; i++) acc = arith(b, kind, acc, args[i]!, u);
    return mean ? arith(b, "div", acc, constant(b, out, args.length)) : acc;
  }; });

const compare = (pred: Pred): Lowering =>
  ew((c) => { const u = unsignedOp(c); return ({ b, args }) => cmp(b, pred, args[0]!, args[1]!, u); });

const logic = (name: string): Lowering => ew(() => ({ b, args }) => emit(b, name, [args[0]!, args[1]!], args[0]!.type));

const unaryMath = (fn: string): Lowering => ew(() => ({ b, args }) => math(b, fn, args[0]!));

/** Float Pow is math.powf (exponent converted to the base type); integer Pow is math.ipowi. */
const pow: Lowering = ew((c) => ({ b, args, out }) => {
  const [x, y] = [args[0]!, args[1]!];
  if (x.type instanceof FloatType) {
    return emit(b, "math.powf", [x, convert(b, y, x.type)], x.type);
  }
  if (!(out instanceof IntegerType)) throw loweringError(c.op, "integer Pow needs an integer result");
  return emit(b, "math.ipowi", [x, convert(b, y, x.type)], x.type);
});

function clipBody(b: Builder, x: Value, lo: Value | undefined, hi: Value | undefined, u: boolean): Value {
  let r = x;
  if (lo) r = arith(b, "max", r, lo, u);
  if (hi) r = arith(b, "min", r, hi, u);
  return r;
}

const clip: Lowering = (c) => {
  const x = c.req(0), lo = c.input(1), hi = c.input(2);
  const ins = [x, ...(lo ? [lo] : []), ...(hi ? [hi] : [])];
  // Clip-6 wrote the bounds as attributes.
  const attrLo = c.op.getAttr("min") ? floatAttr(c.op, "min", 0) : undefined;
  const attrHi = c.op.getAttr("max") ? floatAttr(c.op, "max", 0) : undefined;
  const u = unsignedOp(c);
  return [elementwise(c.b, ins, resultType(c.op), ({ b, args }) => {
    let k = 1;
    const l = lo ? args[k++] : attrLo !== undefined ? constant(b, args[0]!.type, attrLo) : undefined;
    const h = hi ? args[k++] : attrHi !== undefined ? constant(b, args[0]!.type, attrHi) : undefined;
    return clipBody(b, args[0]!, l, h, u);
  })];
};

const sign: Lowering = ew(() => ({ b, args }) => {
  const x = args[0]!, t = x.type;
  const z = constant(b, t, 0);
  return select(b, cmp(b, "gt", x, z), constant(b, t, 1), select(b, cmp(b, "lt", x, z), constant(b, t, -1), z));
});

const abs: Lowering = ew(() => ({ b, args }) => {
  const x = args[0]!;
  return x.type instanceof FloatType ? math(b, "absf", x) : emit(b, "math.absi", [x], x.type);
});

const cast: Lowering = (c) => {
  const u = unsignedOp(c);
  return [elementwise(c.b, [c.req(0)], resultType(c.op), ({ b, args, out }) => convert(b, args[0]!, out, u))];
};

export const ELEMENTWISE: Record<string, Lowering> = {
  Add: binary("add"), Sub: binary("sub"), Mul: binary("mul"), Div: binary("div"),
  Max: variadic("max"), Min: variadic("min"), Sum: variadic("add"), Mean: variadic("add", true),
  Pow: pow,
  Equal: compare("eq"), Greater: compare("gt"), GreaterOrEqual: compare("ge"), Less: compare("lt"), LessOrEqual: compare("le"),
  And: logic("arith.andi"), Or: logic("arith.ori"), Xor: logic("arith.xori"),
  Not: ew(() => ({ b, args }) => emit(b, "arith.xori", [args[0]!, constant(b, args[0]!.type, 1)], args[0]!.type)),
  Neg: ew(() => ({ b, args }) => neg(b, args[0]!)),
  Abs: abs, Sign: sign,
  Reciprocal: ew(() => ({ b, args }) => arith(b, "div", constant(b, args[0]!.type, 1), args[0]!)),
  Exp: unaryMath("exp"), Log: unaryMath("log"), Sqrt: unaryMath("sqrt"), Tanh: unaryMath("tanh"), Erf: unaryMath("erf"),
  Ceil: unaryMath("ceil"), Floor: unaryMath("floor"), Round: unaryMath("roundeven"),
  Sin: unaryMath("sin"), Cos: unaryMath("cos"), Tan: unaryMath("tan"), Asin: unaryMath("asin"), Acos: unaryMath("acos"), Atan: unaryMath("atan"),
  Where: ew(() => ({ b, args }) => select(b, args[0]!, args[1]!, args[2]!)),
  Clip: clip,
  Cast: cast, CastLike: cast,
};
