import { shapeSize } from "@zkmlir/core";

/**
 * Flat source index for every element of `outShape` when each output axis d reads an independent
 * offset `offs[d][o]` (source coordinate times source stride, or -1 for "no source element").
 * The sum over axes is the flat index; any -1 makes the whole entry -1. Covers slice, pad, tile,
 * expand and transpose: every op whose output coordinate maps axis by axis.
 */
export function axisIndexMap(outShape: readonly number[], offs: readonly Int32Array[]): Int32Array {
  const n = shapeSize(outShape);
  const map = new Int32Array(n);
  const rank = outShape.length;
  if (n === 0 || rank === 0) return map;
  let k = 0;
  const walk = (d: number, acc: number): void => {
    const o = offs[d]!, len = outShape[d]!;
    if (d === rank - 1) {
      for (let i = 0; i < len; i++) { const v = o[i]!; map[k++] = acc < 0 || v < 0 ? -1 : acc + v; }
      return;
    }
    for (let i = 0; i < len; i++) { const v = o[i]!; walk(d + 1, acc < 0 || v < 0 ? -1 : acc + v); }
  };
  walk(0, 0);
  return map;
}

/** offs[o] = coord(o) * stride, keeping -1 for a missing source coordinate. */
export function axisOffsets(len: number, stride: number, coord: (o: number) => number): Int32Array {
  const a = new Int32Array(len);
  for (let o = 0; o < len; o++) { const c = coord(o); a[o] = c < 0 ? -1 : c * stride; }
  return a;
}
