// Indexing ops: Gather family, Scatter family (data's shape), Compress, OneHot, NonZero, TopK,
// ReverseSequence and Trilu (input's shape). NonZero's count is data-dependent: it stays unknown.
import { DYNAMIC } from "@zkmlir/core";
import type { ShapeFn } from "./context.js";
import { isKnown, normAxis } from "./dims.js";

const gather: ShapeFn = (c) => {
  const x = c.required(0, "data"), idx = c.required(1, "indices");
  if (!x || !idx) return [undefined];
  const axis = c.check(() => normAxis(c.int("axis", 0), x.length, "axis"));
  return [[...x.slice(0, axis), ...idx, ...x.slice(axis + 1)]];
};

const gatherElements: ShapeFn = (c) => {
  const x = c.required(0, "data"), idx = c.required(1, "indices");
  if (x && idx && x.length !== idx.length) c.fail("data and indices must have the same rank");
  return [idx];
};

/** GatherND: indices[:-1] + data[batch_dims + indices[-1]:]. */
const gatherND: ShapeFn = (c) => {
  const x = c.required(0, "data"), idx = c.required(1, "indices");
  if (!x || !idx) return [undefined];
  const b = c.int("batch_dims", 0);
  const last = idx[idx.length - 1];
  if (last === undefined) c.fail("indices must have rank >= 1");
  if (!isKnown(last)) return [undefined];
  if (b + last > x.length) c.fail(`indices address ${b + last} dims of a rank-${x.length} tensor`);
  return [[...idx.slice(0, -1), ...x.slice(b + last)]];
};

const sameAsData: ShapeFn = (c) => [c.required(0, "data")];

const compress: ShapeFn = (c) => {
  const x = c.required(0, "input");
  const cond = c.constant(1);
  let count = DYNAMIC;
  if (cond) {
    count = 0;
    for (let i = 0; i < cond.size; i++) if (cond.getNumber(i) !== 0) count++;
  }
  if (c.attrs.axis === undefined) return [[count]];
  if (!x) return [undefined];
  const axis = c.check(() => normAxis(c.int("axis", 0), x.length, "axis"));
  return [x.map((d, i) => (i === axis ? count : d))];
};

const oneHot: ShapeFn = (c) => {
  const idx = c.required(0, "indices");
  if (!idx) return [undefined];
  const depth = c.constant(1);
  const axis = c.check(() => normAxis(c.int("axis", -1), idx.length + 1, "axis"));
  const d = depth ? Math.trunc(depth.getNumber(0)) : DYNAMIC;
  if (depth && d < 1) c.fail(`depth ${d} must be positive`);
  return [[...idx.slice(0, axis), d, ...idx.slice(axis)]];
};

const nonZero: ShapeFn = (c) => {
  const x = c.required(0, "X");
  return [[x ? x.length : DYNAMIC, DYNAMIC]];
};

const topK: ShapeFn = (c) => {
  const x = c.required(0, "X");
  if (!x) return [undefined, undefined];
  const axis = c.check(() => normAxis(c.int("axis", -1), x.length, "axis"));
  const k = c.ints(1)?.[0] ?? DYNAMIC;
  if (isKnown(k) && isKnown(x[axis]!) && (k < 0 || k > x[axis]!)) c.fail(`K = ${k} is out of range for axis ${axis} of size ${x[axis]}`);
  const out = x.map((d, i) => (i === axis ? k : d));
  return [out, out];
};

export const INDEXING_SHAPES: Record<string, ShapeFn> = {
  Gather: gather,
  GatherElements: gatherElements,
  GatherND: gatherND,
  ScatterElements: sameAsData,
  Scatter: sameAsData,
  ScatterND: sameAsData,
  Compress: compress,
  ReverseSequence: (c) => [c.required(0, "input")],
  Trilu: (c) => [c.required(0, "input")],
  OneHot: oneHot,
  NonZero: nonZero,
  TopK: topK,
};
