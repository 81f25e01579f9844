// Normalizations from reductions and elementwise bodies, in the reference's two-pass form:
// mean = sum(x)/n, var = sum((x - mean)^2)/n, y = (x - mean) * scale / sqrt(var + eps) + bias.
// Per-channel parameters are reshaped to [1, C, 1, ...] so they broadcast along dim 1. LRN sums
// squares over a channel window read with a padded copy.
import { AffineMap, RankedTensorType, bin, cst, dim, type Builder, type Value } from "@zkmlir/core";
import { elementwise } from "../build/elementwise.js";
import { generic, filled } from "../build/structured.js";
import { gatherCopy, insertCopy, offsetMap } from "../build/reindex.js";
import { arith, constant, math } from "../build/scalar.js";
import { floatAttr, intAttr } from "../util/attrs.js";
import { normAxis, resultType, staticType } from "../util/types.js";
import { sumOver, reshapeTo } from "./softmax.js";
import type { Lowering } from "./lowering.js";
import { loweringError } from "../errors.js";

/** A per-channel vector [C] as [1, C, 1, ...] of rank `rank`. */
export const channelShaped = (b: Builder, v: Value, rank: number): Value => {
  const t = v.type as RankedTensorType;
  const shape = Array.from({ length: rank }, (_, i) => (i === 1 ? t.shape[0]! : 1));
  return reshapeTo(b, v, RankedTensorType.get(shape, t.elementType));
};

/** Mean and population variance over `axes` (kept as size-1 dims). */
export function moments(b: Builder, x: Value, axes: readonly number[]): { mean: Value; variance: Value } {
  const t = x.type as RankedTensorType;
  const n = axes.reduce((p, a) => p * t.shape[a]!, 1);
  const div = (v: Value) => elementwise(b, [v], v.type as RankedTensorType, ({ b: bb, args }) => arith(bb, "div", args[0]!, constant(bb, args[0]!.type, n)));
  const mean = div(sumOver(b, x, axes));
  const sq = elementwise(b, [x, mean], t, ({ b: bb, args }) => { const d = arith(bb, "sub", args[0]!, args[1]!); return arith(bb, "mul", d, d); });
  return { mean, variance: div(sumOver(b, sq, axes)) };
}

/** (x - mean) * scale / sqrt(var + eps) + bias, all operands broadcast to `out`. */
export function normalize(b: Builder, x: Value, mean: Value, variance: Value, scale: Value, bias: Value | undefined, eps: number, out: RankedTensorType): Value {
  const ins = bias ? [x, mean, variance, scale, bias] : [x, mean, variance, scale];
  return elementwise(b, ins, out, ({ b: bb, args }) => {
    const [xv, m, v, s] = args as Value[];
    const inv = arith(bb, "div", s!, math(bb, "sqrt", arith(bb, "add", v!, constant(bb, v!.type, eps))));
    const y = arith(bb, "mul", arith(bb, "sub", xv!, m!), inv);
    return args.length > 4 ? arith(bb, "add", y, args[4]!) : y;
  });
}

const instanceNorm: Lowering = (c) => {
  const x = c.req(0), r = staticType(c.op, x).rank;
  const axes = Array.from({ length: r - 2 }, (_, i) => i + 2);
  const { mean, variance } = moments(c.b, x, axes);
  const [scale, bias] = [1, 2].map((i) => channelShaped(c.b, c.req(i), r));
  return [normalize(c.b, x, mean, variance, scale!, bias, floatAttr(c.op, "epsilon", 1e-5), resultType(c.op))];
};

const layerNorm: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x);
  const axis = normAxis(c.op, intAttr(c.op, "axis", -1), t.rank);
  const axes = Array.from({ length: t.rank - axis }, (_, i) => i + axis);
  const { mean, variance } = moments(c.b, x, axes);
  const eps = floatAttr(c.op, "epsilon", 1e-5);
  const y = normalize(c.b, x, mean, variance, c.req(1), c.input(2), eps, resultType(c.op));
  const invStd = c.used(2)
    ? elementwise(c.b, [variance], c.outType(2), ({ b, args }) => arith(b, "div", constant(b, args[0]!.type, 1), math(b, "sqrt", arith(b, "add", args[0]!, constant(b, args[0]!.type, eps)))))
    : undefined;
  const meanOut = c.used(1) ? mean : undefined;
  return [y, meanOut, invStd];
};

/** LRN: y = x / (bias + alpha/size * sum_{window over C} x^2)^beta. */
const lrn: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x), r = t.rank;
  const size = intAttr(c.op, "size", 1), alpha = floatAttr(c.op, "alpha", 1e-4), beta = floatAttr(c.op, "beta", 0.75), bias = floatAttr(c.op, "bias", 1);
  const lo = Math.floor((size - 1) / 2), hi = Math.ceil((size - 1) / 2);
  const sq = elementwise(c.b, [x], t, ({ b, args }) => arith(b, "mul", args[0]!, args[0]!));
  const padded = RankedTensorType.get(t.shape.map((d, i) => (i === 1 ? d + lo + hi : d)), t.elementType);
  const sqp = insertCopy(c.b, sq, filled(c.b, padded, 0), offsetMap(t.shape.map((_, i) => (i === 1 ? lo : 0))));
  // Loops: x's dims, then the window position k (reduction); reads sqp[n, c + k, ...].
  const window = filled(c.b, RankedTensorType.get([size], t.elementType), 0);
  const res = Array.from({ length: r }, (_, i) => (i === 1 ? bin("add", dim(1), dim(r)) : dim(i)));
  const sums = generic(c.b, {
    inputs: [sqp, window],
    outputs: [filled(c.b, t, 0)],
    maps: [new AffineMap(r + 1, 0, res), new AffineMap(r + 1, 0, [dim(r)]), new AffineMap(r + 1, 0, Array.from({ length: r }, (_, i) => dim(i)))],
    iterators: [...t.shape.map(() => "parallel" as const), "reduction" as const],
    body: ({ b, args }) => [arith(b, "add", args[2]!, args[0]!)],
  })[0]!;
  return [elementwise(c.b, [x, sums], resultType(c.op), ({ b, args }) => {
    const k = (v: number) => constant(b, args[0]!.type, v);
    const base = arith(b, "add", k(bias), arith(b, "mul", k(alpha / size), args[1]!));
    return arith(b, "div", args[0]!, b.create({ name: "math.powf", operands: [base, k(beta)], resultTypes: [base.type] }).result(0));
  })];
};

/**
 * GroupNormalization (opset-21 per-channel scale/bias; per-group ones are spread to channels):
 * statistics over [N, G, C/G * spatial] (a linear reshape), then the channel-wise affine.
 */
const groupNorm: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x), out = resultType(c.op);
  const G = intAttr(c.op, "num_groups", 0), C = t.shape[1]!;
  if (!(G >= 1) || C % G !== 0) throw loweringError(c.op, `num_groups ${G} must divide the ${C} channels`);
  const len = t.numElements / (t.shape[0]! * G), cg = C / G;
  const grouped = RankedTensorType.get([t.shape[0]!, G, len], t.elementType);
  const xg = reshapeTo(c.b, x, grouped);
  const { mean, variance } = moments(c.b, xg, [2]);
  const eps = floatAttr(c.op, "epsilon", 1e-5);
  const yg = elementwise(c.b, [xg, mean, variance], grouped, ({ b, args }) =>
    arith(b, "mul", arith(b, "sub", args[0]!, args[1]!), arith(b, "div", constant(b, args[0]!.type, 1), math(b, "sqrt", arith(b, "add", args[2]!, constant(b, args[0]!.type, eps))))));
  const y = reshapeTo(c.b, yg, out);
  const perChannel = (v: Value) => {
    const n = (v.type as RankedTensorType).shape[0]!;
    const vc = n === C ? v : gatherCopy(c.b, v, new AffineMap(1, 0, [bin("floordiv", dim(0), cst(cg))]), RankedTensorType.get([C], t.elementType));
    return channelShaped(c.b, vc, t.rank);
  };
  return [elementwise(c.b, [y, perChannel(c.req(1)), perChannel(c.req(2))], out, ({ b, args }) => arith(b, "add", arith(b, "mul", args[0]!, args[1]!), args[2]!))];
};

export const NORMALIZATIONS: Record<string, Lowering> = {
  GroupNormalization: groupNorm,
  InstanceNormalization: instanceNorm, LayerNormalization: layerNorm, LRN: lrn,
};

