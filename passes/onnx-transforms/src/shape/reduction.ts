// Reductions (axes input, keepdims, noop_with_empty_axes), ArgMax/ArgMin (axis attribute), and
// ops along an axis that keep the input's shape (CumSum, Softmax, LogSoftmax, Hardmax).
import type { ShapeFn } from "./context.js";
import { normAxis, unknownDims } from "./dims.js";

const REDUCE = ["ReduceSum", "ReduceSumSquare", "ReduceMean", "ReduceProd", "ReduceMax", "ReduceMin", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp"];

const reduce: ShapeFn = (c) => {
  const x = c.required(0, "data");
  const keep = c.int("keepdims", 1) !== 0;
  let axes: number[] | undefined;
  if (c.has(1)) {
    axes = c.ints(1);
    if (!axes) return [x && keep ? unknownDims(x.length) : undefined];
  } else axes = c.intList("axes") ?? [];
  if (!x) return [undefined];
  if (axes.length === 0) {
    if (c.int("noop_with_empty_axes", 0) !== 0) return [x];
    axes = x.map((_, i) => i);
  }
  const norm = c.check(() => axes.map((a) => normAxis(a, x.length, "axes")));
  return [keep ? x.map((d, i) => (norm.includes(i) ? 1 : d)) : x.filter((_, i) => !norm.includes(i))];
};

const argReduce: ShapeFn = (c) => {
  const x = c.required(0, "data");
  if (!x) return [undefined];
  const axis = c.check(() => normAxis(c.int("axis", 0), x.length, "axis"));
  return [c.int("keepdims", 1) !== 0 ? x.map((d, i) => (i === axis ? 1 : d)) : x.filter((_, i) => i !== axis)];
};

const same: ShapeFn = (c) => [c.required(0, "input")];

export const REDUCTION_SHAPES: Record<string, ShapeFn> = {
  ...Object.fromEntries(REDUCE.map((n) => [n, reduce])),
  ArgMax: argReduce,
  ArgMin: argReduce,
  CumSum: same,
  Softmax: same,
  LogSoftmax: same,
  Hardmax: same,
};
