import type { Tensor } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { intsFromInputOrAttr, normAxes } from "../util/basic-axes.js";
import { axisIndexMap, axisOffsets } from "../util/basic-index-map.js";
import { input, takeByMap } from "../util/basic-tensor.js";

/** First index, step and count of one sliced axis, clamped as the Slice spec says. */
export function sliceAxis(dim: number, start: number, end: number, step: number): { first: number; count: number } {
  let s = start < 0 ? start + dim : start;
  let e = end < 0 ? end + dim : end;
  if (step > 0) {
    s = Math.min(Math.max(s, 0), dim);
    e = Math.min(Math.max(e, 0), dim);
    return { first: s, count: Math.max(0, Math.ceil((e - s) / step)) };
  }
  s = Math.min(Math.max(s, 0), dim - 1);
  e = Math.min(Math.max(e, -1), dim - 1);
  return { first: s, count: Math.max(0, Math.ceil((s - e) / -step)) };
}

function slice(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Slice", "data");
  const starts = intsFromInputOrAttr(inputs, 1, attrs, "Slice", "starts");
  const ends = intsFromInputOrAttr(inputs, 2, attrs, "Slice", "ends");
  if (!starts || !ends) throw new KernelError("Slice: missing 'starts' or 'ends'");
  const axes = normAxes(intsFromInputOrAttr(inputs, 3, attrs, "Slice", "axes") ?? starts.map((_, i) => i), x.rank, "Slice");
  const steps = intsFromInputOrAttr(inputs, 4, attrs, "Slice", "steps") ?? starts.map(() => 1);
  if (ends.length !== starts.length || axes.length !== starts.length || steps.length !== starts.length) {
    throw new KernelError(`Slice: starts, ends, axes and steps lengths differ (${starts.length}, ${ends.length}, ${axes.length}, ${steps.length})`);
  }
  const first = x.shape.map(() => 0), step = x.shape.map(() => 1), shape = x.shape.slice();
  axes.forEach((a, i) => {
    if (steps[i] === 0) throw new KernelError(`Slice: step for axis ${a} is 0`);
    const r = sliceAxis(x.shape[a]!, starts[i]!, ends[i]!, steps[i]!);
    first[a] = r.first;
    step[a] = steps[i]!;
    shape[a] = r.count;
  });
  const strides = x.strides;
  const offs = shape.map((len, d) => axisOffsets(len, strides[d]!, (o) => first[d]! + o * step[d]!));
  return [takeByMap(x, shape, axisIndexMap(shape, offs))];
}

export const SLICE_KERNELS: Record<string, Kernel> = { Slice: slice };
