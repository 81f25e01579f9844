import type { Tensor } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { axisIndexMap, axisOffsets } from "../util/basic-index-map.js";
import { checkOutputSize, fmtShape, input, takeByMap, toInts } from "../util/basic-tensor.js";

/** Tile: output dim d is input dim d times repeats[d]; coordinate o reads o mod dim. */
function tile(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const x = input(inputs, 0, "Tile", "input");
  const reps = toInts(input(inputs, 1, "Tile", "repeats"), "Tile", "repeats");
  if (reps.length !== x.rank || reps.some((r) => r < 0)) {
    throw new KernelError(`Tile: repeats ${fmtShape(reps)} must be ${x.rank} non-negative values for input ${fmtShape(x.shape)}`);
  }
  const shape = x.shape.map((d, i) => d * reps[i]!);
  checkOutputSize(shape, "Tile");
  const strides = x.strides;
  const offs = shape.map((len, d) => axisOffsets(len, strides[d]!, (o) => o % x.shape[d]!));
  return [takeByMap(x, shape, axisIndexMap(shape, offs))];
}

export const TILE_KERNELS: Record<string, Kernel> = { Tile: tile };
