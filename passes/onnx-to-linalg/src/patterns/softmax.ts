// Softmax and LogSoftmax over one axis (opset-13 semantics), with the max subtracted first so
// exp never overflows: m = max(x), e = exp(x - m), s = sum(e); softmax = e / s,
// logsoftmax = (x - m) - log(s). ReduceLogSumExp uses the same shift.
import { RankedTensorType, type Builder, type Value } from "@zkmlir/core";
import { reduce, reducedShape } from "../build/reduction.js";
import { elementwise } from "../build/elementwise.js";
import { arith, math } from "../build/scalar.js";
import { gatherCopy, reshapeMap } from "../build/reindex.js";
import { intAttr } from "../util/attrs.js";
import { normAxis, resultType, staticType } from "../util/types.js";
import { reduceAxes } from "./reduce.js";
import type { Lowering } from "./lowering.js";

const maxOver = (b: Builder, x: Value, axes: readonly number[]) =>
  reduce(b, { input: x, axes, keepDims: true, identity: -Infinity, combine: ({ b: bb }, v, acc) => arith(bb, "max", acc, v) });
const sumOver = (b: Builder, x: Value, axes: readonly number[], keepDims = true) =>
  reduce(b, { input: x, axes, keepDims, identity: 0, combine: ({ b: bb }, v, acc) => arith(bb, "add", acc, v) });

/** exp(x - max) and its sum over `axes` (kept as size-1 dims). */
function shiftedExp(b: Builder, x: Value, axes: readonly number[]): { m: Value; e: Value; s: Value } {
  const t = x.type as RankedTensorType;
  const m = maxOver(b, x, axes);
  const e = elementwise(b, [x, m], t, ({ b: bb, args }) => math(bb, "exp", arith(bb, "sub", args[0]!, args[1]!)));
  return { m, e, s: sumOver(b, e, axes) };
}

const softmax: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x);
  const axis = normAxis(c.op, intAttr(c.op, "axis", -1), t.rank);
  const { e, s } = shiftedExp(c.b, x, [axis]);
  return [elementwise(c.b, [e, s], resultType(c.op), ({ b, args }) => arith(b, "div", args[0]!, args[1]!))];
};

const logSoftmax: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x);
  const axis = normAxis(c.op, intAttr(c.op, "axis", -1), t.rank);
  const { m, s } = shiftedExp(c.b, x, [axis]);
  return [elementwise(c.b, [x, m, s], resultType(c.op), ({ b, args }) =>
    arith(b, "sub", arith(b, "sub", args[0]!, args[1]!), math(b, "log", args[2]!)))];
};

/** log(sum(exp(x))) = m + log(sum(exp(x - m))), m = max(x). */
const reduceLogSumExp: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x), out = resultType(c.op);
  const axes = reduceAxes(c, t.rank);
  if (axes === "noop") return [x];
  const { m, s } = shiftedExp(c.b, x, axes);
  const keep = intAttr(c.op, "keepdims", 1) !== 0;
  const shape = reducedShape(t.shape, axes, true);
  const r = elementwise(c.b, [m, s], RankedTensorType.get(shape, t.elementType), ({ b, args }) => arith(b, "add", args[0]!, math(b, "log", args[1]!)));
  if (keep) return [r];
  return [reshapeTo(c.b, r, out)];
};

const reshapeTo = (b: Builder, v: Value, out: RankedTensorType) => gatherCopy(b, v, reshapeMap((v.type as RankedTensorType).shape, out.shape), out);

export const SOFTMAX: Record<string, Lowering> = { Softmax: softmax, LogSoftmax: logSoftmax, ReduceLogSumExp: reduceLogSumExp };
export { maxOver, sumOver, reshapeTo };
