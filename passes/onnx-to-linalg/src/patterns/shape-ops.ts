// Data movement ops as affine copies (build/reindex.ts): Reshape/Flatten/Squeeze/Unsqueeze read
// the linear position, Transpose permutes, Expand/Tile broadcast (Tile with mod), Slice/Split
// read strided windows, Concat/Pad write into regions of a destination. Shapes come from the
// static result types; operands that set positions (Slice starts, Pad pads) must be constant.
import { AffineMap, bin, cst, dim, RankedTensorType, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import { gatherCopy, insertCopy, offsetMap, reshapeMap, transposeMap } from "../build/reindex.js";
import { broadcastMap } from "../build/elementwise.js";
import { empty, fill, filled } from "../build/structured.js";
import { constant } from "../build/scalar.js";
import { constantNumbers, constantOf } from "../util/constants.js";
import { floatAttr, intAttr, intsAttr, stringAttr } from "../util/attrs.js";
import { normAxis, resultType, staticType, withShape } from "../util/types.js";
import { loweringError } from "../errors.js";
import type { Lowering, LowerCtx } from "./lowering.js";

const shapeOf = (v: Value) => (v.type as RankedTensorType).shape;

/** Any reshape: the result type decides the shape, the data keeps its row-major order. */
const reshapeLike: Lowering = (c) => {
  const x = c.req(0), out = resultType(c.op);
  const inT = staticType(c.op, x);
  if (inT.numElements !== out.numElements) throw loweringError(c.op, `cannot reshape ${inT.key} to ${out.key}`);
  if (inT.shape.length === out.shape.length && inT.shape.every((d, i) => d === out.shape[i])) return [x];
  if (out.numElements === 0) return [empty(c.b, out)];
  return [gatherCopy(c.b, x, reshapeMap(inT.shape, out.shape), out)];
};

const transpose: Lowering = (c) => {
  const x = c.req(0), r = staticType(c.op, x).rank;
  const perm = intsAttr(c.op, "perm") ?? Array.from({ length: r }, (_, i) => r - 1 - i);
  return [gatherCopy(c.b, x, transposeMap(perm), resultType(c.op))];
};

const expand: Lowering = (c) => {
  const x = c.req(0), out = resultType(c.op);
  return [gatherCopy(c.b, x, broadcastMap(staticType(c.op, x).shape, out.shape), out)];
};

const tile: Lowering = (c) => {
  const x = c.req(0), out = resultType(c.op), s = staticType(c.op, x).shape;
  const res: AffineExpr[] = s.map((n, j) => (n === out.shape[j] ? dim(j) : n === 1 ? cst(0) : bin("mod", dim(j), cst(n))));
  return [gatherCopy(c.b, x, new AffineMap(s.length, 0, res), out)];
};

/** ONNX Slice: per-axis start and step after clamping (as the spec's reference). */
function sliceWindow(c: LowerCtx, shape: readonly number[]): { offsets: number[]; steps: number[] } {
  const opset10 = c.numInputs > 1;
  const starts = opset10 ? constantNumbers(c.input(1)) : intsAttr(c.op, "starts");
  const ends = opset10 ? constantNumbers(c.input(2)) : intsAttr(c.op, "ends");
  if (!starts || !ends) throw loweringError(c.op, "starts and ends must be constants");
  const axesIn = opset10 ? c.input(3) : undefined;
  const axes = (axesIn ? constantNumbers(axesIn) : intsAttr(c.op, "axes")) ?? starts.map((_, i) => i);
  const stepsIn = opset10 ? c.input(4) : undefined;
  const steps = stepsIn ? constantNumbers(stepsIn) : starts.map(() => 1);
  if (!axes || !steps) throw loweringError(c.op, "axes and steps must be constants");
  const offsets = shape.map(() => 0), st = shape.map(() => 1);
  axes.forEach((a0, i) => {
    const a = normAxis(c.op, a0, shape.length), n = shape[a]!, step = steps[i]!;
    if (step === 0) throw loweringError(c.op, "slice step must be nonzero");
    let s = starts[i]!;
    if (s < 0) s += n;
    offsets[a] = step > 0 ? Math.min(Math.max(s, 0), n) : Math.min(Math.max(s, 0), n - 1);
    st[a] = step;
  });
  return { offsets, steps: st };
}

const slice: Lowering = (c) => {
  const x = c.req(0), out = resultType(c.op);
  const { offsets, steps } = sliceWindow(c, staticType(c.op, x).shape);
  // Empty slices have no element to read: an empty tensor of the result type.
  if (out.numElements === 0) return [empty(c.b, out)];
  return [gatherCopy(c.b, x, offsetMap(offsets, steps), out)];
};

const split: Lowering = (c) => {
  const x = c.req(0), shape = staticType(c.op, x).shape;
  const axis = normAxis(c.op, intAttr(c.op, "axis", 0), shape.length);
  let off = 0;
  return c.op.results.map((_, i) => {
    const out = resultType(c.op, i);
    const offsets = shape.map((_, j) => (j === axis ? off : 0));
    off += out.shape[axis]!;
    return gatherCopy(c.b, x, offsetMap(offsets), out);
  });
};

const concat: Lowering = (c) => {
  const out = resultType(c.op);
  const axis = normAxis(c.op, intAttr(c.op, "axis", 0), out.rank);
  let acc = empty(c.b, out), off = 0;
  for (let i = 0; i < c.numInputs; i++) {
    const v = c.req(i);
    const s = staticType(c.op, v, `input #${i}`).shape;
    if (s[axis] === 0) continue;
    acc = insertCopy(c.b, v, acc, offsetMap(s.map((_, j) => (j === axis ? off : 0))));
    off += s[axis]!;
  }
  return [acc];
};

/** Pads one axis of `x` by (lo, hi) in edge/reflect/wrap mode with strided copies. */
function padAxisCopy(b: Builder, x: Value, axis: number, lo: number, hi: number, mode: string): Value {
  const s = shapeOf(x), n = s[axis]!;
  const outShape = s.map((d, j) => (j === axis ? d + lo + hi : d));
  const t = withShape(x.type as RankedTensorType, outShape);
  const at = (off: number, step = 1) => offsetMap(s.map((_, j) => (j === axis ? off : 0)), s.map((_, j) => (j === axis ? step : 1)));
  const part = (len: number, map: AffineMap) => gatherCopy(b, x, map, withShape(t, s.map((d, j) => (j === axis ? len : d))));
  const edgeMap = (idx: number) => new AffineMap(s.length, 0, s.map((_, j) => (j === axis ? cst(idx) : dim(j))));
  let acc = insertCopy(b, x, empty(b, t), at(lo));
  const place = (src: Value, off: number) => { acc = insertCopy(b, src, acc, at(off)); };
  if (lo > 0) {
    if (mode === "edge") place(part(lo, edgeMap(0)), 0);
    else if (mode === "reflect") place(part(lo, at(lo, -1)), 0);
    else place(part(lo, at(n - lo)), 0);
  }
  if (hi > 0) {
    if (mode === "edge") place(part(hi, edgeMap(n - 1)), lo + n);
    else if (mode === "reflect") place(part(hi, at(n - 2, -1)), lo + n);
    else place(part(hi, at(0)), lo + n);
  }
  return acc;
}

const pad: Lowering = (c) => {
  let x = c.req(0);
  const out = resultType(c.op), shape = staticType(c.op, x).shape, r = shape.length;
  const padsIn = c.numInputs > 1 ? constantNumbers(c.input(1)) : intsAttr(c.op, "pads");
  if (!padsIn) throw loweringError(c.op, "pads must be a constant");
  const axesIn = c.input(3);
  const axes = axesIn ? constantNumbers(axesIn)?.map((a) => normAxis(c.op, a, r)) : Array.from({ length: r }, (_, i) => i);
  if (!axes) throw loweringError(c.op, "axes must be a constant");
  const lo = new Array<number>(r).fill(0), hi = new Array<number>(r).fill(0);
  axes.forEach((a, i) => { lo[a] = padsIn[i]!; hi[a] = padsIn[i + axes.length]!; });
  const mode = stringAttr(c.op, "mode", "constant");
  // Negative pads crop first.
  if (lo.some((p) => p < 0) || hi.some((p) => p < 0)) {
    const cropped = shape.map((d, j) => d + Math.min(lo[j]!, 0) + Math.min(hi[j]!, 0));
    x = gatherCopy(c.b, x, offsetMap(lo.map((p) => Math.max(-p, 0))), withShape(out, cropped));
    for (let j = 0; j < r; j++) { lo[j] = Math.max(lo[j]!, 0); hi[j] = Math.max(hi[j]!, 0); }
  }
  if (mode === "constant") {
    const cv = c.input(2);
    const value = cv ? constantOf(cv) : undefined;
    if (cv && !value) {
      // A runtime pad value: fill from the scalar tensor.
      const init = gatherCopy(c.b, cv, new AffineMap(r, 0, (cv.type as RankedTensorType).shape.map(() => cst(0))), out);
      return [insertCopy(c.b, x, init, offsetMap(lo))];
    }
    const v = value ? value.at(0) : floatAttr(c.op, "value", 0); // Pad-1 wrote the value as an attribute
    return [insertCopy(c.b, x, fill(c.b, constant(c.b, out.elementType, v), empty(c.b, out)), offsetMap(lo))];
  }
  if (mode !== "edge" && mode !== "reflect" && mode !== "wrap") throw loweringError(c.op, `unsupported pad mode '${mode}'`);
  for (let a = 0; a < r; a++) if (lo[a] || hi[a]) x = padAxisCopy(c.b, x, a, lo[a]!, hi[a]!, mode);
  return [x];
};

const identity: Lowering = (c) => [c.req(0)];

const dropout: Lowering = (c) => {
  const x = c.req(0);
  const mask = c.used(1) ? filled(c.b, c.outType(1), 1) : undefined;
  return [x, mask];
};

export const SHAPE_OPS: Record<string, Lowering> = {
  Reshape: reshapeLike, Flatten: reshapeLike, Squeeze: reshapeLike, Unsqueeze: reshapeLike,
  Transpose: transpose, Expand: expand, Tile: tile, Slice: slice, Split: split, Concat: concat, Pad: pad,
  Identity: identity, Dropout: dropout,
};
