import { KernelError } from "../types.js";
import { gridOffsets } from "./grid-offsets.js";

/** Multidirectional (numpy) broadcast of shapes. */
export function broadcastShapes(...shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const o = rank - s.length + i;
      const d = s[i]!;
      if (out[o] === 1) out[o] = d;
      else if (d !== 1 && d !== out[o]) {
        throw new KernelError(`shapes ${shapes.map((x) => `[${x.join(",")}]`).join(" and ")} are not broadcastable`);
      }
    }
  }
  return out;
}

/**
 * For each flat index of `outShape`, the flat index into a tensor of shape `inShape`
 * broadcast to it. Precomputed once per (inShape, outShape) so kernels run a plain loop.
 */
export function broadcastIndexMap(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const rank = outShape.length;
  // Broadcast axes (size 1 or missing) get stride 0, so the walk stays on the same input element.
  const inStr = new Array<number>(rank).fill(0);
  let acc = 1;
  for (let i = inShape.length - 1; i >= 0; i--) {
    const o = rank - inShape.length + i;
    inStr[o] = inShape[i] === 1 ? 0 : acc;
    acc *= inShape[i]!;
  }
  return gridOffsets(outShape, inStr);
}
