// Further elementwise ops beyond the core list: Mod, hyperbolic functions, ThresholdedRelu,
// Shrink, Swish, IsNaN/IsInf and the Bitwise family — same shared builder, own bodies.
import { FloatType, IntegerAttr, IntegerType, type Builder, type Value } from "@zkmlir/core";
import { arith, cmp, constant, emit, math, select } from "../build/scalar.js";
import { floatAttr, intAttr } from "../util/attrs.js";
import { loweringError } from "../errors.js";
import { ew } from "./elementwise.js";
import { sigmoid } from "./activations.js";
import type { Lowering } from "./lowering.js";

const i1 = () => IntegerType.get(1);
const cmpf = (b: Builder, pred: number, x: Value, y: Value) =>
  b.create({ name: "arith.cmpf", operands: [x, y], resultTypes: [i1()], properties: { predicate: IntegerAttr.get(pred, IntegerType.get(64)) } }).result(0);

/** Mod: fmod=1 is C's fmod (sign of the dividend); fmod=0 (integers) takes the divisor's sign. */
const mod: Lowering = ew((c) => {
  const fmod = intAttr(c.op, "fmod", 0) !== 0;
  const u = c.unsigned(0);
  return ({ b, args }) => {
    const [x, y] = [args[0]!, args[1]!];
    if (x.type instanceof FloatType) {
      if (!fmod) throw loweringError(c.op, "float Mod requires fmod=1");
      return arith(b, "rem", x, y);
    }
    const r = arith(b, "rem", x, y, u);
    if (fmod || u) return r;
    const z = constant(b, x.type, 0);
    const fix = emit(b, "arith.andi", [cmp(b, "ne", r, z), emit(b, "arith.xori", [cmp(b, "lt", r, z), cmp(b, "lt", y, z)], i1())], i1());
    return select(b, fix, arith(b, "add", r, y), r);
  };
});

const unary = (fn: string): Lowering => ew(() => ({ b, args }) => math(b, fn, args[0]!));

export const MORE_ELEMENTWISE: Record<string, Lowering> = {
  Mod: mod,
  Sinh: unary("sinh"), Cosh: unary("cosh"), Asinh: unary("asinh"), Acosh: unary("acosh"), Atanh: unary("atanh"),
  ThresholdedRelu: ew((c) => {
    const alpha = floatAttr(c.op, "alpha", 1);
    return ({ b, args }) => select(b, cmp(b, "gt", args[0]!, constant(b, args[0]!.type, alpha)), args[0]!, constant(b, args[0]!.type, 0));
  }),
  Shrink: ew((c) => {
    const bias = floatAttr(c.op, "bias", 0), lambd = floatAttr(c.op, "lambd", 0.5);
    return ({ b, args }) => {
      const x = args[0]!, k = (v: number) => constant(b, x.type, v);
      return select(b, cmp(b, "lt", x, k(-lambd)), arith(b, "add", x, k(bias)), select(b, cmp(b, "gt", x, k(lambd)), arith(b, "sub", x, k(bias)), k(0)));
    };
  }),
  Swish: ew((c) => {
    const alpha = floatAttr(c.op, "alpha", 1);
    return ({ b, args }) => arith(b, "mul", args[0]!, sigmoid(b, arith(b, "mul", constant(b, args[0]!.type, alpha), args[0]!)));
  }),
  IsNaN: ew(() => ({ b, args }) => cmpf(b, 14, args[0]!, args[0]!)),
  IsInf: ew((c) => {
    const pos = intAttr(c.op, "detect_positive", 1) !== 0, neg = intAttr(c.op, "detect_negative", 1) !== 0;
    return ({ b, args }) => {
      const x = args[0]!;
      const p = pos ? cmpf(b, 1, x, constant(b, x.type, Infinity)) : constant(b, i1(), 0);
      const n = neg ? cmpf(b, 1, x, constant(b, x.type, -Infinity)) : constant(b, i1(), 0);
      return emit(b, "arith.ori", [p, n], i1());
    };
  }),
  BitwiseAnd: ew(() => ({ b, args }) => emit(b, "arith.andi", [args[0]!, args[1]!], args[0]!.type)),
  BitwiseOr: ew(() => ({ b, args }) => emit(b, "arith.ori", [args[0]!, args[1]!], args[0]!.type)),
  BitwiseXor: ew(() => ({ b, args }) => emit(b, "arith.xori", [args[0]!, args[1]!], args[0]!.type)),
  BitwiseNot: ew(() => ({ b, args }) => emit(b, "arith.xori", [args[0]!, constant(b, args[0]!.type, -1)], args[0]!.type)),
};
