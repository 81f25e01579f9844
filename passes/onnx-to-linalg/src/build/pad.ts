// A tensor padded on its trailing spatial axes with a constant (a filled destination and an
// insert copy); no copy when nothing is padded.
import { RankedTensorType, type Builder, type Value } from "@zkmlir/core";
import { insertCopy, offsetMap } from "./reindex.js";
import { filled } from "./structured.js";

/** Pads dims 2.. of `x` so spatial axis i starts at `lo[i]` inside `extent[i]`. */
export function padSpatial(b: Builder, x: Value, lo: readonly number[], extent: readonly number[], value: number | bigint): Value {
  const t = x.type as RankedTensorType;
  const shape = [t.shape[0]!, t.shape[1]!, ...extent];
  if (lo.every((p) => p === 0) && shape.every((d, i) => d === t.shape[i])) return x;
  const dest = filled(b, RankedTensorType.get(shape, t.elementType), value);
  return insertCopy(b, x, dest, offsetMap([0, 0, ...lo]));
}
