import { Tensor, shapeSize } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { checkDtype, copyRange, input, normAxis } from "../util/basic-tensor.js";

/** Compress: keep the slices along `axis` (or elements of the flattened input) whose condition is true. */
function compress(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x0 = input(inputs, 0, "Compress", "input");
  const cond = input(inputs, 1, "Compress", "condition");
  checkDtype(cond, ["i1"], "Compress", "condition");
  if (cond.rank !== 1) throw new KernelError(`Compress: condition must be 1-D, has rank ${cond.rank}`);
  const axisAttr = attrInt(attrs, "Compress", "axis");
  const x = axisAttr === undefined ? new Tensor(x0.dtype, [x0.size], x0.data) : x0;
  const axis = normAxis(axisAttr ?? 0, x.rank, "Compress");
  const dim = x.shape[axis]!;
  const c = cond.data as Uint8Array;
  const kept: number[] = [];
  // A condition shorter than the axis selects nothing past its end.
  for (let i = 0; i < c.length; i++) {
    if (!c[i]) continue;
    if (i >= dim) throw new KernelError(`Compress: condition selects index ${i} beyond axis size ${dim}`);
    kept.push(i);
  }
  const shape = x.shape.slice();
  shape[axis] = kept.length;
  const out = new Tensor(x.dtype, shape);
  const outer = shapeSize(x.shape.slice(0, axis)), inner = shapeSize(x.shape.slice(axis + 1));
  let dst = 0;
  for (let o = 0; o < outer; o++) {
    for (const i of kept) {
      copyRange(out.data, dst, x.data, (o * dim + i) * inner, inner);
      dst += inner;
    }
  }
  return [out];
}

export const COMPRESS_KERNELS: Record<string, Kernel> = { Compress: compress };
