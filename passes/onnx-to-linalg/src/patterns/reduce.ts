// Reduce* ops: one reduction generic with the combiner's identity in the init, followed by the
// op's finishing step as an elementwise generic (mean divides, L2 takes sqrt, LogSumExp logs).
import { FloatType, IntegerType, RankedTensorType, type Builder, type Type, type Value } from "@zkmlir/core";
import { reduce, reducedShape } from "../build/reduction.js";
import { elementwise } from "../build/elementwise.js";
import { arith, constant, math } from "../build/scalar.js";
import type { BodyCtx } from "../build/structured.js";
import { constantNumbers } from "../util/constants.js";
import { intAttr, intsAttr } from "../util/attrs.js";
import { normAxis, resultType, staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import type { Lowering, LowerCtx } from "./lowering.js";

/** The lowest / highest value of an element type (max/min identities). */
export function lowest(t: Type): number | bigint {
  if (t instanceof FloatType) return -Infinity;
  const w = (t as IntegerType).width;
  return w === 1 ? 0n : -(1n << BigInt(w - 1));
}
export function highest(t: Type): number | bigint {
  if (t instanceof FloatType) return Infinity;
  const w = (t as IntegerType).width;
  return w === 1 ? 1n : (1n << BigInt(w - 1)) - 1n;
}

/** Axes from the `axes` input (opset >= 13/18) or attribute; none means all (or none with noop). */
export function reduceAxes(c: LowerCtx, rank: number): number[] | "noop" {
  const fromInput = c.input(1);
  let axes = fromInput ? constantNumbers(fromInput) : intsAttr(c.op, "axes");
  if (fromInput && !axes) throw loweringError(c.op, "axes must be a constant");
  if (!axes || axes.length === 0) {
    if (intAttr(c.op, "noop_with_empty_axes", 0)) return "noop";
    axes = Array.from({ length: rank }, (_, i) => i);
  }
  return [...new Set(axes.map((a) => normAxis(c.op, a, rank)))].sort((a, b) => a - b);
}

type Combine = (c: BodyCtx, x: Value, acc: Value) => Value;
interface ReduceKind {
  identity: (t: Type) => number | bigint;
  pre?: (b: Builder, x: Value) => Value;
  combine: "add" | "mul" | "max" | "min";
  post?: (b: Builder, r: Value, count: number) => Value;
}

const KINDS: Record<string, ReduceKind> = {
  ReduceSum: { identity: () => 0, combine: "add" },
  ReduceMean: { identity: () => 0, combine: "add", post: (b, r, n) => arith(b, "div", r, constant(b, r.type, n)) },
  ReduceProd: { identity: () => 1, combine: "mul" },
  ReduceMax: { identity: lowest, combine: "max" },
  ReduceMin: { identity: highest, combine: "min" },
  ReduceL1: { identity: () => 0, pre: (b, x) => (x.type instanceof FloatType ? math(b, "absf", x) : b.create({ name: "math.absi", operands: [x], resultTypes: [x.type] }).result(0)), combine: "add" },
  ReduceL2: { identity: () => 0, pre: (b, x) => arith(b, "mul", x, x), combine: "add", post: (b, r) => math(b, "sqrt", r) },
  ReduceSumSquare: { identity: () => 0, pre: (b, x) => arith(b, "mul", x, x), combine: "add" },
};

/** Reduces `x` over `axes` with a kind's pre-map, combiner and finishing step. */
export function reduceWith(b: Builder, x: Value, axes: readonly number[], keepDims: boolean, k: ReduceKind, outType?: RankedTensorType): Value {
  const t = x.type as RankedTensorType;
  const et = t.elementType;
  const combine: Combine = ({ b: bb }, v, acc) => arith(bb, k.combine, acc, k.pre ? k.pre(bb, v) : v);
  let r = reduce(b, { input: x, axes, keepDims, identity: k.identity(et), combine });
  if (k.post) {
    const count = axes.reduce((n, a) => n * t.shape[a]!, 1);
    const rt = outType ?? RankedTensorType.get(reducedShape(t.shape, axes, keepDims), et);
    r = elementwise(b, [r], rt, ({ b: bb, args }) => k.post!(bb, args[0]!, count));
  }
  return r;
}

const reduceOp = (k: ReduceKind): Lowering => (c) => {
  const x = c.req(0), t = staticType(c.op, x), out = resultType(c.op);
  const axes = reduceAxes(c, t.rank);
  if (axes === "noop") return [elementwise(c.b, [x], out, ({ b, args }) => (k.pre ? k.pre(b, args[0]!) : args[0]!))];
  if (out.elementType !== t.elementType) throw loweringError(c.op, `result element type ${out.key} differs from the input's`);
  return [reduceWith(c.b, x, axes, intAttr(c.op, "keepdims", 1) !== 0, k, out)];
};

export const REDUCTIONS: Record<string, Lowering> = Object.fromEntries(Object.entries(KINDS).map(([n, k]) => [n, reduceOp(k)]));
export { KINDS as REDUCE_KINDS };
