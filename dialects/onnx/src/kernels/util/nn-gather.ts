import { Tensor } from "@zkmlir/core";
import type { NumberData } from "./nn-dtype.js";

/** A tensor of `shape` whose element i is X's element map[i] (any dtype, values copied as is). */
export function gatherByMap(X: Tensor, shape: readonly number[], map: Int32Array): Tensor {
  const out = new Tensor(X.dtype, shape);
  if (X.data instanceof BigInt64Array) {
    const s = X.data, d = out.data as BigInt64Array;
    for (let i = 0; i < map.length; i++) d[i] = s[map[i]!]!;
  } else {
    const s = X.data as NumberData, d = out.data as NumberData;
    for (let i = 0; i < map.length; i++) d[i] = s[map[i]!]!;
  }
  return out;
}
