// Data movement: Concat, Split, Slice, Pad, Expand, Tile, Transpose. Sizes given as inputs
// (split, starts/ends, pads, shape, repeats) must be constants for the affected dims to be known.
import { DYNAMIC } from "@zkmlir/core";
import type { ShapeContext, ShapeFn } from "./context.js";
import { broadcast, fmt, isKnown, normAxis, unknownDims } from "./dims.js";

const concat: ShapeFn = (c) => {
  const shapes = Array.from({ length: c.nIn }, (_, i) => c.required(i, `inputs ${i}`));
  const ranked = shapes.filter((s): s is readonly number[] => s !== undefined);
  if (!ranked.length) return [undefined];
  const rank = ranked[0]!.length;
  if (ranked.some((s) => s.length !== rank)) c.fail("inputs have different ranks");
  const axis = c.check(() => normAxis(c.int("axis", 0), rank, "axis"));
  const out = unknownDims(rank);
  for (let d = 0; d < rank; d++) {
    if (d === axis) continue;
    for (const s of ranked) {
      if (!isKnown(s[d]!)) continue;
      if (isKnown(out[d]!) && out[d] !== s[d]) c.fail(`inputs differ in dim ${d} (${out[d]} vs ${s[d]})`);
      out[d] = s[d]!;
    }
  }
  const total = ranked.length === shapes.length ? ranked.reduce((a, s) => (isKnown(a) && isKnown(s[axis]!) ? a + s[axis]! : DYNAMIC), 0) : DYNAMIC;
  out[axis] = total;
  return [out];
};

const split: ShapeFn = (c) => {
  const x = c.required(0, "input");
  if (!x) return new Array(c.nOut).fill(undefined);
  const axis = c.check(() => normAxis(c.int("axis", 0), x.length, "axis"));
  const dim = x[axis]!;
  const with_ = (n: number): number[] => x.map((d, i) => (i === axis ? n : d));
  let sizes: number[] | undefined;
  if (c.has(1)) sizes = c.ints(1);
  else if (isKnown(dim)) {
    const num = c.int("num_outputs", c.nOut);
    const chunk = Math.ceil(dim / num);
    sizes = Array.from({ length: c.nOut }, (_, k) => (k < num - 1 ? chunk : dim - chunk * (num - 1)));
  }
  if (!sizes) return Array.from({ length: c.nOut }, () => with_(DYNAMIC));
  if (sizes.length !== c.nOut) c.fail(`split has ${sizes.length} sizes for ${c.nOut} outputs`);
  if (isKnown(dim) && sizes.reduce((a, b) => a + b, 0) !== dim) c.fail(`split sizes [${sizes.join(", ")}] do not sum to ${dim}`);
  return sizes.map(with_);
};

/** Elements a Python-style slice start:end:step takes from a dim of size `dim` (ONNX clamping). */
export function sliceLength(dim: number, start: number, end: number, step: number): number {
  const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);
  let s = start < 0 ? start + dim : start;
  let e = end < 0 ? end + dim : end;
  if (step > 0) {
    s = clamp(s, 0, dim);
    e = clamp(e, 0, dim);
  } else {
    s = clamp(s, 0, dim - 1);
    e = clamp(e, -1, dim - 1);
  }
  return Math.max(0, Math.ceil((e - s) / step));
}

/** Axes given by an optional input (default 0..n-1), normalised; "dynamic" when not a constant. */
function axesInput(c: ShapeContext, i: number, rank: number, n: number): number[] | "dynamic" {
  if (!c.has(i)) return Array.from({ length: n }, (_, k) => k);
  const a = c.ints(i);
  return a ? c.check(() => a.map((x) => normAxis(x, rank, "axes"))) : "dynamic";
}

const slice: ShapeFn = (c) => {
  const x = c.required(0, "data");
  if (!x) return [undefined];
  const starts = c.ints(1), ends = c.ints(2);
  const n = starts?.length ?? ends?.length ?? c.shape(1)?.[0] ?? DYNAMIC;
  if (!isKnown(n)) return [unknownDims(x.length)];
  const axes = axesInput(c, 3, x.length, n);
  if (axes === "dynamic") return [unknownDims(x.length)];
  const steps = c.has(4) ? c.ints(4) : axes.map(() => 1);
  const out = x.slice();
  axes.forEach((a, k) => {
    const step = steps?.[k];
    if (step === 0) c.fail("a step is 0");
    out[a] = starts && ends && step !== undefined && isKnown(x[a]!) ? sliceLength(x[a]!, starts[k]!, ends[k]!, step) : DYNAMIC;
  });
  return [out];
};

const pad: ShapeFn = (c) => {
  const x = c.required(0, "data");
  if (!x) return [undefined];
  const pads = c.ints(1);
  const n = pads ? pads.length / 2 : (c.shape(1)?.[0] ?? DYNAMIC) / 2;
  const axes = isKnown(n) ? axesInput(c, 3, x.length, n) : "dynamic";
  if (axes === "dynamic") return [unknownDims(x.length)];
  if (pads && pads.length !== 2 * axes.length) c.fail(`pads has ${pads.length} values for ${axes.length} axes`);
  const out = x.slice();
  axes.forEach((a, k) => {
    const v = pads && isKnown(x[a]!) ? x[a]! + pads[k]! + pads[k + axes.length]! : DYNAMIC;
    if (pads && isKnown(x[a]!) && v < 0) c.fail(`pads ${fmt(pads)} make axis ${a} negative`);
    out[a] = v;
  });
  return [out];
};

const expand: ShapeFn = (c) => {
  const x = c.required(0, "input");
  const shape = c.ints(1);
  if (shape) return [c.check(() => broadcast([x, shape], "Expand"))];
  const n = c.shape(1)?.[0];
  return [x && n !== undefined && isKnown(n) ? unknownDims(Math.max(x.length, n)) : undefined];
};

const tile: ShapeFn = (c) => {
  const x = c.required(0, "input");
  if (!x) return [undefined];
  const reps = c.ints(1);
  if (!reps) return [unknownDims(x.length)];
  if (reps.length !== x.length) c.fail(`repeats has ${reps.length} values for rank ${x.length}`);
  return [x.map((d, i) => (isKnown(d) ? d * reps[i]! : DYNAMIC))];
};

const transpose: ShapeFn = (c) => {
  const x = c.required(0, "data");
  if (!x) return [undefined];
  const perm = c.intList("perm") ?? x.map((_, i) => x.length - 1 - i);
  if (perm.length !== x.length || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) c.fail(`perm ${fmt(perm)} is not a permutation of rank ${x.length}`);
  return [perm.map((p) => x[p]!)];
};

export const DATA_MOVEMENT_SHAPES: Record<string, ShapeFn> = {
  Concat: concat, Split: split, Slice: slice, Pad: pad, Expand: expand, Tile: tile, Transpose: transpose,
};
