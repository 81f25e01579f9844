// Scalar arith/math emitters for linalg bodies. Bodies are where a later quantization pass
// rewrites arithmetic, so every lowering builds its arithmetic through these few helpers.
import { FloatAttr, FloatType, IntegerAttr, IntegerType, type Builder, type Type, type Value } from "@zkmlir/core";
import { castScalar, emit } from "@zkmlir/linalg";

export { emit };

/** `arith.constant` of a scalar of type `t`. */
export function constant(b: Builder, t: Type, v: number | bigint): Value {
  const attr = t instanceof FloatType
    ? FloatAttr.get(Number(v), t)
    : IntegerAttr.get(t instanceof IntegerType && t.width === 1 ? (v ? 1n : 0n) : BigInt(typeof v === "number" ? Math.trunc(v) : v), t);
  return b.create({ name: "arith.constant", resultTypes: [t], properties: { value: attr } }).result(0);
}

const CMPF = { eq: 1, gt: 2, ge: 3, lt: 4, le: 5, ne: 13 } as const;
const CMPI = { eq: 0, ne: 1, lt: 2, le: 3, gt: 4, ge: 5 } as const;
export type Pred = keyof typeof CMPF;

/** Ordered float compare or signed/unsigned integer compare; result i1. */
export function cmp(b: Builder, pred: Pred, x: Value, y: Value, unsigned = false): Value {
  const i1 = IntegerType.get(1);
  if (x.type instanceof FloatType) return b.create({ name: "arith.cmpf", operands: [x, y], resultTypes: [i1], properties: { predicate: IntegerAttr.get(CMPF[pred], IntegerType.get(64)) } }).result(0);
  const p = CMPI[pred] + (unsigned && pred !== "eq" && pred !== "ne" ? 4 : 0);
  return b.create({ name: "arith.cmpi", operands: [x, y], resultTypes: [i1], properties: { predicate: IntegerAttr.get(p, IntegerType.get(64)) } }).result(0);
}

export const select = (b: Builder, c: Value, x: Value, y: Value): Value => emit(b, "arith.select", [c, x, y], x.type);

/** Converts between scalar types (ONNX Cast semantics for float -> int: truncation toward zero). */
export function convert(b: Builder, v: Value, to: Type, unsigned = false): Value {
  if (v.type === to) return v;
  const fromBool = v.type instanceof IntegerType && v.type.width === 1;
  if (to instanceof IntegerType && to.width === 1) {
    // ONNX bool conversion: nonzero -> true.
    return cmp(b, "ne", v, constant(b, v.type, 0));
  }
  return castScalar(b, v, to, unsigned || fromBool);
}

/** Binary arithmetic by kind, choosing the float / signed / unsigned arith op. */
export function arith(b: Builder, kind: "add" | "sub" | "mul" | "div" | "rem" | "max" | "min", x: Value, y: Value, unsigned = false): Value {
  const t = x.type;
  if (t instanceof FloatType) {
    const n = { add: "addf", sub: "subf", mul: "mulf", div: "divf", rem: "remf", max: "maximumf", min: "minimumf" }[kind];
    return emit(b, `arith.${n}`, [x, y], t);
  }
  // ONNX bools are 0/1: i1 takes the unsigned ops (signed i1 reads true as -1, as MLIR does).
  const u = unsigned || (t instanceof IntegerType && t.width === 1);
  const n = {
    add: "addi", sub: "subi", mul: "muli", div: u ? "divui" : "divsi", rem: u ? "remui" : "remsi",
    max: u ? "maxui" : "maxsi", min: u ? "minui" : "minsi",
  }[kind];
  return emit(b, `arith.${n}`, [x, y], t);
}

export const add = (b: Builder, x: Value, y: Value) => arith(b, "add", x, y);
export const sub = (b: Builder, x: Value, y: Value) => arith(b, "sub", x, y);
export const mul = (b: Builder, x: Value, y: Value) => arith(b, "mul", x, y);
export const div = (b: Builder, x: Value, y: Value) => arith(b, "div", x, y);

/** A unary math-dialect function (`math.exp`, ...). */
export const math = (b: Builder, fn: string, x: Value): Value => emit(b, `math.${fn}`, [x], x.type);

export const neg = (b: Builder, x: Value): Value =>
  x.type instanceof FloatType ? emit(b, "arith.negf", [x], x.type) : arith(b, "sub", constant(b, x.type, 0), x);

/** An index-typed value as an integer of type `t` (for comparisons with data). */
export const indexTo = (b: Builder, i: Value, t: Type): Value =>
  t instanceof FloatType ? castScalar(b, castScalar(b, i, IntegerType.get(64), false), t, false) : castScalar(b, i, t, false);

