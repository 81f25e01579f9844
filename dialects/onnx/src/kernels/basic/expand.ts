import type { Tensor } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { axisIndexMap, axisOffsets } from "../util/basic-index-map.js";
import { checkOutputSize, fmtShape, input, takeByMap, toInts } from "../util/basic-tensor.js";
import { broadcastShapes } from "../util/broadcast.js";

/** Expand: broadcast the input against `shape` (bidirectionally, so dims may also grow from the input). */
function expand(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const x = input(inputs, 0, "Expand", "input");
  const target = toInts(input(inputs, 1, "Expand", "shape"), "Expand", "shape");
  if (target.some((d) => d < 0)) throw new KernelError(`Expand: negative dimension in ${fmtShape(target)}`);
  const shape = broadcastShapes(x.shape, target);
  checkOutputSize(shape, "Expand");
  const lead = shape.length - x.rank;
  const strides = x.strides;
  const offs = shape.map((len, d) => {
    const i = d - lead;
    if (i < 0) return new Int32Array(len);
    const keep = x.shape[i] !== 1;
    return axisOffsets(len, strides[i]!, (o) => (keep ? o : 0));
  });
  return [takeByMap(x, shape, axisIndexMap(shape, offs))];
}

export const EXPAND_KERNELS: Record<string, Kernel> = { Expand: expand };
