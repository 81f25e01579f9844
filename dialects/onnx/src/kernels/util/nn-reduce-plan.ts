import { shapeStrides } from "@zkmlir/core";

/**
 * Flat offsets of every point of a sub-grid (dims with their strides in the full tensor), in
 * row-major order of the sub-grid. Splitting a tensor's axes into kept and reduced sub-grids
 * turns any reduction into `for o: for r: x[base[o] + off[r]]` with no index arithmetic inside.
 */
export function gridOffsets(dims: readonly number[], strides: readonly number[]): Int32Array {
  let n = 1;
  for (const d of dims) n *= d;
  const out = new Int32Array(n);
  const rank = dims.length;
  const idx = new Array<number>(rank).fill(0);
  let off = 0;
  for (let k = 0; k < n; k++) {
    out[k] = off;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]!++;
      off += strides[d]!;
      if (idx[d]! < dims[d]!) break;
      off -= strides[d]! * idx[d]!;
      idx[d] = 0;
    }
  }
  return out;
}

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
