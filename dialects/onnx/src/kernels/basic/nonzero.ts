import { Tensor } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { input } from "../util/basic-tensor.js";

/** NonZero: i64 [rank, nnz] coordinates of non-zero elements in row-major order (a scalar counts as [1]). */
function nonZero(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const x = input(inputs, 0, "NonZero", "X");
  const shape = x.rank === 0 ? [1] : x.shape;
  const rank = shape.length;
  const hits: number[] = [];
  const d = x.data;
  for (let i = 0; i < x.size; i++) if (d[i] !== 0 && d[i] !== 0n) hits.push(i);
  const out = new Tensor("i64", [rank, hits.length]);
  const o = out.data as BigInt64Array;
  const strides = x.rank === 0 ? [1] : x.strides;
  hits.forEach((flat, j) => {
    let rem = flat;
    for (let a = 0; a < rank; a++) {
      const c = Math.floor(rem / strides[a]!);
      rem -= c * strides[a]!;
      o[a * hits.length + j] = BigInt(c);
    }
  });
  return [out];
}

export const NONZERO_KERNELS: Record<string, Kernel> = { NonZero: nonZero };
