import { Tensor } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { input } from "../util/basic-tensor.js";

/** Clamp a possibly negative axis bound into [0, rank]. */
function clampBound(b: number, rank: number): number {
  const v = b < 0 ? b + rank : b;
  return Math.min(Math.max(v, 0), rank);
}

/** Shape: the input's dims[start:end] as i64 (start/end clamped like Python slices). */
function shape(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Shape", "data");
  const start = clampBound(attrInt(attrs, "Shape", "start", 0), x.rank);
  const end = clampBound(attrInt(attrs, "Shape", "end", x.rank), x.rank);
  const dims = x.shape.slice(start, Math.max(start, end));
  return [Tensor.fromArray("i64", [dims.length], dims)];
}

function size(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  return [Tensor.scalar("i64", input(inputs, 0, "Size", "data").size)];
}

export const SHAPE_KERNELS: Record<string, Kernel> = { Shape: shape, Size: size };
