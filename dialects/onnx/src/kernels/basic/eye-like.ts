import { setElem, Tensor } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { dtypeFromOnnx } from "../util/basic-dtype.js";
import { input } from "../util/basic-tensor.js";

/** EyeLike: a 2-D tensor of the input's shape with ones on diagonal k, dtype from `dtype` or the input. */
function eyeLike(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "EyeLike", "input");
  if (x.rank !== 2) throw new KernelError(`EyeLike: input must be 2-D, has rank ${x.rank}`);
  const code = attrInt(attrs, "EyeLike", "dtype");
  const dtype = code === undefined ? x.dtype : dtypeFromOnnx(code, "EyeLike", "attribute 'dtype'");
  const k = attrInt(attrs, "EyeLike", "k", 0);
  const [rows, cols] = x.shape as [number, number];
  const out = new Tensor(dtype, x.shape);
  for (let i = 0; i < rows; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) setElem(out.data, i * cols + j, 1);
  }
  return [out];
}

export const EYE_LIKE_KERNELS: Record<string, Kernel> = { EyeLike: eyeLike };
