// Normalizations keep X's shape. BatchNormalization's training outputs are per channel [C];
// LayerNormalization's Mean and InvStdDev keep X's dims before `axis` and are 1 after it.
import { DYNAMIC } from "@zkmlir/core";
import type { ShapeFn } from "./context.js";
import { normAxis } from "./dims.js";

const same: ShapeFn = (c) => [c.required(0, "X")];

const batchNorm: ShapeFn = (c) => {
  const x = c.required(0, "X");
  const ch = [x?.[1] ?? DYNAMIC];
  return [x, ch, ch];
};

const layerNorm: ShapeFn = (c) => {
  const x = c.required(0, "X");
  if (!x) return [undefined, undefined, undefined];
  const axis = c.check(() => normAxis(c.int("axis", -1), x.length, "axis"));
  const stat = x.map((d, i) => (i < axis ? d : 1));
  return [x, stat, stat];
};

export const NORMALIZATION_SHAPES: Record<string, ShapeFn> = {
  BatchNormalization: batchNorm,
  InstanceNormalization: same,
  LayerNormalization: layerNorm,
  GroupNormalization: same,
  LRN: same,
  MeanVarianceNormalization: same,
};
