// Row-major walk of a strided sub-grid, the index arithmetic under reductions, einsum and broadcasts.

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
