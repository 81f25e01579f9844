import { Tensor, shapeSize } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { intsFromInputOrAttr } from "../util/basic-axes.js";
import { copyRange, fmtShape, input, normAxis } from "../util/basic-tensor.js";

/** Part sizes: explicit `split`, or num_outputs parts of ceil(dim/n) with a smaller last one. */
function partSizes(dim: number, split: number[] | undefined, numOutputs: number | undefined, nOutputs: number): number[] {
  if (split) {
    if (split.some((s) => s < 0) || split.reduce((a, b) => a + b, 0) !== dim) {
      throw new KernelError(`Split: split [${split.join(",")}] must be non-negative and sum to ${dim}`);
    }
    return split;
  }
  if (numOutputs !== undefined) {
    if (numOutputs < 1) throw new KernelError(`Split: num_outputs must be >= 1, got ${numOutputs}`);
    const chunk = Math.ceil(dim / numOutputs);
    const sizes = new Array<number>(numOutputs).fill(chunk);
    sizes[numOutputs - 1] = dim - chunk * (numOutputs - 1);
    if (sizes[numOutputs - 1]! < 0) throw new KernelError(`Split: cannot split ${dim} into ${numOutputs} parts of ${chunk}`);
    return sizes;
  }
  // Opsets before 18: equal parts, one per declared output.
  if (nOutputs < 1 || dim % nOutputs !== 0) throw new KernelError(`Split: ${dim} is not divisible into ${nOutputs} equal parts`);
  return new Array<number>(nOutputs).fill(dim / nOutputs);
}

function split(inputs: readonly (Tensor | undefined)[], attrs: Attrs, nOutputs: number): Tensor[] {
  const x = input(inputs, 0, "Split", "input");
  if (x.rank === 0) throw new KernelError("Split: input must have rank >= 1");
  const axis = normAxis(attrInt(attrs, "Split", "axis", 0), x.rank, "Split");
  const sizes = partSizes(x.shape[axis]!, intsFromInputOrAttr(inputs, 1, attrs, "Split", "split"),
    attrInt(attrs, "Split", "num_outputs"), nOutputs);
  if (sizes.length !== nOutputs) throw new KernelError(`Split: ${sizes.length} parts for ${nOutputs} outputs of ${fmtShape(x.shape)}`);
  const outer = shapeSize(x.shape.slice(0, axis));
  const inner = shapeSize(x.shape.slice(axis + 1));
  const rowLen = x.shape[axis]! * inner;
  let start = 0;
  return sizes.map((sz) => {
    const shape = x.shape.slice();
    shape[axis] = sz;
    const out = new Tensor(x.dtype, shape);
    const len = sz * inner;
    for (let o = 0; o < outer; o++) copyRange(out.data, o * len, x.data, o * rowLen + start * inner, len);
    start += sz;
    return out;
  });
}

export const SPLIT_KERNELS: Record<string, Kernel> = { Split: split };
