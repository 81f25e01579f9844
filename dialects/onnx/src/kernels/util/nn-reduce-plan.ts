import { shapeStrides } from "@zkmlir/core";
import { gridOffsets } from "./grid-offsets.js";

export interface ReducePlan {
  /** Output shape (reduced axes kept as 1 or dropped per keepdims). */
  outShape: number[];
  /** Input offset of the first element of each output's window. */
  base: Int32Array;
  /** Offsets within a window, relative to its base. */
  window: Int32Array;
}

/** Plan a reduction of `shape` over the axes flagged in `reduced`. */
export function reducePlan(shape: readonly number[], reduced: readonly boolean[], keepdims: boolean): ReducePlan {
  const strides = shapeStrides(shape);
  const keptDims: number[] = [], keptStr: number[] = [], redDims: number[] = [], redStr: number[] = [];
  const outShape: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (reduced[i]) {
      redDims.push(shape[i]!);
      redStr.push(strides[i]!);
      if (keepdims) outShape.push(1);
    } else {
      keptDims.push(shape[i]!);
      keptStr.push(strides[i]!);
      outShape.push(shape[i]!);
    }
  }
  return { outShape, base: gridOffsets(keptDims, keptStr), window: gridOffsets(redDims, redStr) };
}
