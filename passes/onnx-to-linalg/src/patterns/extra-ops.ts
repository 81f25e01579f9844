// Ops beyond the required list that real exporters emit: DepthToSpace/SpaceToDepth (one copy
// generic each, the reshape-transpose-reshape folded into floordiv/mod maps), EyeLike,
// Hardmax (argmax, then compare), ReduceLogSum, MeanVarianceNormalization.
import { AffineMap, IntegerType, RankedTensorType, bin, cst, dim, type AffineExpr } from "@zkmlir/core";
import { gatherCopy } from "../build/reindex.js";
import { elementwise } from "../build/elementwise.js";
import { arith, cmp, constant, indexTo, math, select } from "../build/scalar.js";
import { intAttr, intsAttr, stringAttr } from "../util/attrs.js";
import { normAxis, resultType, staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import { argBest } from "./index-ops.js";
import { reduceAxes, reduceWith } from "./reduce.js";
import { sumOver } from "./softmax.js";
import type { Lowering } from "./lowering.js";

const fd = (e: AffineExpr, k: number) => bin("floordiv", e, cst(k));
const md = (e: AffineExpr, k: number) => bin("mod", e, cst(k));
const add = (a: AffineExpr, b: AffineExpr) => bin("add", a, b);
const mul = (e: AffineExpr, k: number) => bin("mul", e, cst(k));

const depthToSpace: Lowering = (c) => {
  const x = c.req(0), out = resultType(c.op), C = staticType(c.op, x).shape[1]!;
  const b = intAttr(c.op, "blocksize", 0), Cp = C / (b * b);
  if (!(b > 0) || !Number.isInteger(Cp)) throw loweringError(c.op, `blocksize ${b} does not divide ${C} channels`);
  const [n, ch, h, w] = [dim(0), dim(1), dim(2), dim(3)];
  const within = add(mul(md(h, b), b), md(w, b));
  const chan = stringAttr(c.op, "mode", "DCR") === "DCR" ? add(mul(within, Cp), ch) : add(mul(ch, b * b), within);
  return [gatherCopy(c.b, x, new AffineMap(4, 0, [n, chan, fd(h, b), fd(w, b)]), out)];
};

const spaceToDepth: Lowering = (c) => {
  const x = c.req(0), out = resultType(c.op), C = staticType(c.op, x).shape[1]!;
  const b = intAttr(c.op, "blocksize", 0);
  if (!(b > 0)) throw loweringError(c.op, `invalid blocksize ${b}`);
  const [n, ch, h, w] = [dim(0), dim(1), dim(2), dim(3)];
  const blk = fd(ch, C);
  return [gatherCopy(c.b, x, new AffineMap(4, 0, [n, md(ch, C), add(mul(h, b), fd(blk, b)), add(mul(w, b), md(blk, b))]), out)];
};

const eyeLike: Lowering = (c) => {
  const out = resultType(c.op), k = intAttr(c.op, "k", 0);
  const i64 = IntegerType.get(64);
  return [elementwise(c.b, [], out, ({ b, index, out: et }) => {
    const diff = arith(b, "sub", indexTo(b, index(1), i64), indexTo(b, index(0), i64));
    return select(b, cmp(b, "eq", diff, constant(b, i64, k)), constant(b, et, 1), constant(b, et, 0));
  })];
};

const hardmax: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x), out = resultType(c.op);
  const axis = normAxis(c.op, intAttr(c.op, "axis", -1), t.rank);
  const idxT = RankedTensorType.get(t.shape.map((d, k) => (k === axis ? 1 : d)), IntegerType.get(64));
  const best = argBest(c.b, x, axis, true, true, false, idxT);
  return [elementwise(c.b, [best], out, ({ b, args, index, out: et }) =>
    select(b, cmp(b, "eq", args[0]!, indexTo(b, index(axis), IntegerType.get(64))), constant(b, et, 1), constant(b, et, 0)))];
};

const reduceLogSum: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x), out = resultType(c.op);
  const axes = reduceAxes(c, t.rank);
  if (axes === "noop") return [elementwise(c.b, [x], out, ({ b, args }) => math(b, "log", args[0]!))];
  return [reduceWith(c.b, x, axes, intAttr(c.op, "keepdims", 1) !== 0, { identity: () => 0, combine: "add", post: (b, r) => math(b, "log", r) }, out)];
};

/** MVN: (x - mean) / (sqrt(var) + 1e-9) over `axes` (the ONNX function's epsilon placement). */
const mvn: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x), out = resultType(c.op);
  const axes = (intsAttr(c.op, "axes") ?? [0, 2, 3]).map((a) => normAxis(c.op, a, t.rank)).sort((a, b) => a - b);
  const n = axes.reduce((p, a) => p * t.shape[a]!, 1);
  const div = (v: ReturnType<typeof sumOver>) => elementwise(c.b, [v], v.type as RankedTensorType, ({ b, args }) => arith(b, "div", args[0]!, constant(b, args[0]!.type, n)));
  const mean = div(sumOver(c.b, x, axes));
  const sq = elementwise(c.b, [x, mean], t, ({ b, args }) => { const d = arith(b, "sub", args[0]!, args[1]!); return arith(b, "mul", d, d); });
  const variance = div(sumOver(c.b, sq, axes));
  return [elementwise(c.b, [x, mean, variance], out, ({ b, args }) =>
    arith(b, "div", arith(b, "sub", args[0]!, args[1]!), arith(b, "add", math(b, "sqrt", args[2]!), constant(b, args[0]!.type, 1e-9))))];
};

export const EXTRA_OPS: Record<string, Lowering> = {
  DepthToSpace: depthToSpace, SpaceToDepth: spaceToDepth, EyeLike: eyeLike, Hardmax: hardmax, ReduceLogSum: reduceLogSum, MeanVarianceNormalization: mvn,
};
