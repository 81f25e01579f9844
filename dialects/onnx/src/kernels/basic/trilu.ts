import { Tensor, type TypedData } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { input, scalarOf } from "../util/basic-tensor.js";

function fillZero(data: TypedData, from: number, to: number): void {
  if (data instanceof BigInt64Array) data.fill(0n, from, to);
  else data.fill(0, from, to);
}

/** Trilu: keep elements with col-row >= k (upper) or <= k (lower) of each trailing matrix, zero the rest. */
function trilu(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Trilu", "input");
  if (x.rank < 2) throw new KernelError(`Trilu: input must have rank >= 2, has ${x.rank}`);
  const k = inputs[1] ? scalarOf(inputs[1], "Trilu", "k") : 0;
  const upper = attrInt(attrs, "Trilu", "upper", 1) !== 0;
  const rows = x.shape[x.rank - 2]!, cols = x.shape[x.rank - 1]!;
  const out = new Tensor(x.dtype, x.shape, x.data.slice());
  const mats = rows * cols === 0 ? 0 : x.size / (rows * cols);
  const clamp = (j: number): number => Math.min(Math.max(j, 0), cols);
  for (let m = 0; m < mats; m++) {
    for (let i = 0; i < rows; i++) {
      const base = (m * rows + i) * cols;
      // Zero columns j with j - i < k (upper) or j - i > k (lower).
      if (upper) fillZero(out.data, base, base + clamp(i + k));
      else fillZero(out.data, base + clamp(i + k + 1), base + cols);
    }
  }
  return [out];
}

export const TRILU_KERNELS: Record<string, Kernel> = { Trilu: trilu };
