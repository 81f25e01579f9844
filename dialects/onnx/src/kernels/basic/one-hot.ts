import { Tensor, shapeSize } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { checkOutputSize, fmtShape, input, scalarOf } from "../util/basic-tensor.js";

/** OneHot: insert a depth axis; on_value where the (wrapped negative) index matches, off_value elsewhere. */
function oneHot(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const ind = input(inputs, 0, "OneHot", "indices");
  const depth = Math.trunc(scalarOf(input(inputs, 1, "OneHot", "depth"), "OneHot", "depth"));
  const values = input(inputs, 2, "OneHot", "values");
  if (values.size !== 2) throw new KernelError(`OneHot: values must hold [off, on], has shape ${fmtShape(values.shape)}`);
  if (ind.dtype === "i1") throw new KernelError("unsupported data type i1 for OneHot indices");
  if (depth < 1) throw new KernelError(`OneHot: depth must be >= 1, got ${depth}`);
  const r = ind.rank;
  let axis = attrInt(attrs, "OneHot", "axis", -1);
  if (axis < -r - 1 || axis > r) throw new KernelError(`OneHot: axis ${axis} out of range for rank ${r}`);
  if (axis < 0) axis += r + 1;
  const shape = [...ind.shape.slice(0, axis), depth, ...ind.shape.slice(axis)];
  checkOutputSize(shape, "OneHot");
  const out = new Tensor(values.dtype, shape);
  const outer = shapeSize(ind.shape.slice(0, axis)), inner = shapeSize(ind.shape.slice(axis));
  // values and out share a dtype: the Float64Array view type only quiets the number/bigint union.
  const d = out.data as Float64Array, vals = values.data as Float64Array;
  const off = vals[0]!, on = vals[1]!;
  d.fill(off);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let v = Math.trunc(ind.getNumber(o * inner + i));
      if (v < 0) v += depth;
      if (v >= 0 && v < depth) d[(o * depth + v) * inner + i] = on;
    }
  }
  return [out];
}

export const ONE_HOT_KERNELS: Record<string, Kernel> = { OneHot: oneHot };
