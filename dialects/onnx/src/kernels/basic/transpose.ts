import type { Tensor } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInts } from "../util/basic-attrs.js";
import { axisIndexMap, axisOffsets } from "../util/basic-index-map.js";
import { input, takeByMap } from "../util/basic-tensor.js";

/** Transpose: output axis d is input axis perm[d] (default: reversed axes). */
function transpose(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Transpose", "data");
  const perm = attrInts(attrs, "Transpose", "perm") ?? x.shape.map((_, i) => x.rank - 1 - i);
  const isPerm = perm.length === x.rank && perm.every((p) => p >= 0 && p < x.rank) && new Set(perm).size === x.rank;
  if (!isPerm) throw new KernelError(`Transpose: perm [${perm.join(",")}] is not a permutation of ${x.rank} axes`);
  const shape = perm.map((p) => x.shape[p]!);
  const strides = x.strides;
  const offs = shape.map((len, d) => axisOffsets(len, strides[perm[d]!]!, (o) => o));
  return [takeByMap(x, shape, axisIndexMap(shape, offs))];
}

export const TRANSPOSE_KERNELS: Record<string, Kernel> = { Transpose: transpose };
