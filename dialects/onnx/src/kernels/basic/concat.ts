import { Tensor, shapeSize } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { copyRange, fmtShape, normAxis, sameDtype } from "../util/basic-tensor.js";

/** Concat along `axis`: each outer slice copies one contiguous block from every input in turn. */
function concat(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const xs = inputs.filter((t): t is Tensor => t !== undefined);
  if (xs.length === 0) throw new KernelError("Concat: needs at least one input");
  const first = xs[0]!;
  const rank = first.rank;
  if (rank === 0) throw new KernelError("Concat: inputs must have rank >= 1");
  // Concat-1 defaulted axis to 1; it is required since Concat-4.
  const axis = normAxis(attrInt(attrs, "Concat", "axis", 1), rank, "Concat");
  let total = 0;
  for (const x of xs) {
    sameDtype(first, x, "Concat");
    const ok = x.rank === rank && x.shape.every((d, i) => i === axis || d === first.shape[i]);
    if (!ok) throw new KernelError(`Concat: shape ${fmtShape(x.shape)} does not match ${fmtShape(first.shape)} off axis ${axis}`);
    total += x.shape[axis]!;
  }
  const shape = first.shape.slice();
  shape[axis] = total;
  const out = new Tensor(first.dtype, shape);
  const outer = shapeSize(first.shape.slice(0, axis));
  const inner = shapeSize(first.shape.slice(axis + 1));
  let dst = 0;
  for (let o = 0; o < outer; o++) {
    for (const x of xs) {
      const len = x.shape[axis]! * inner;
      copyRange(out.data, dst, x.data, o * len, len);
      dst += len;
    }
  }
  return [out];
}

export const CONCAT_KERNELS: Record<string, Kernel> = { Concat: concat };
