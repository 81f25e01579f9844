import { Tensor, shapeSize } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { checkDtype, input, normAxis, NUMERIC_DTYPES, scalarOf } from "../util/basic-tensor.js";

/**
 * TopK along `axis`: the k largest (or smallest) with ties broken by the lower index, returned
 * sorted (an unsorted request may come back in any order, so sorted order is valid too).
 * NaN counts as larger than every number, as numpy's sort places it.
 */
function topK(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "TopK", "X");
  checkDtype(x, NUMERIC_DTYPES, "TopK", "X");
  if (x.rank === 0) throw new KernelError("TopK: input must have rank >= 1");
  const axis = normAxis(attrInt(attrs, "TopK", "axis", -1), x.rank, "TopK");
  // TopK-1 took k as an attribute.
  const k = inputs[1] ? scalarOf(inputs[1], "TopK", "K") : attrInt(attrs, "TopK", "k");
  const largest = attrInt(attrs, "TopK", "largest", 1) !== 0;
  const n = x.shape[axis]!;
  if (k === undefined || k < 0 || k > n) throw new KernelError(`TopK: k=${k} must be in [0, ${n}] for axis ${axis}`);
  const shape = x.shape.slice();
  shape[axis] = k;
  const values = new Tensor(x.dtype, shape), indices = new Tensor("i64", shape);
  const outer = shapeSize(x.shape.slice(0, axis)), inner = shapeSize(x.shape.slice(axis + 1));
  // Same-typed element copies: the Float64Array view type only quiets the number/bigint union.
  const src = x.data as Float64Array, vd = values.data as Float64Array, id = indices.data as BigInt64Array;
  const order = new Int32Array(n);
  // Sort key: NaN above +Infinity; bigint keys compare directly.
  const before = (a: number | bigint, b: number | bigint): number => {
    const an = a !== a, bn = b !== b;
    if (an || bn) return an === bn ? 0 : an ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      for (let j = 0; j < n; j++) order[j] = j;
      order.sort((a, b) => {
        const c = before(src[base + a * inner]!, src[base + b * inner]!);
        return (largest ? -c : c) || a - b;
      });
      const obase = o * k * inner + i;
      for (let j = 0; j < k; j++) {
        vd[obase + j * inner] = src[base + order[j]! * inner]!;
        id[obase + j * inner] = BigInt(order[j]!);
      }
    }
  }
  return [values, indices];
}

export const TOPK_KERNELS: Record<string, Kernel> = { TopK: topK };
