import { Tensor } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { broadcastIndexMap } from "../util/broadcast.js";
import { attrFloat, attrInt, normAxis, requireInput } from "../util/nn-attrs.js";
import { floatData, sameDType, type FloatData } from "../util/nn-dtype.js";
import { moments } from "../util/nn-moments.js";
import { reducePlan } from "../util/nn-reduce-plan.js";

/**
 * LayerNormalization over dims [axis, rank): Y = (X - Mean) * InvStdDev * Scale + B, with Scale
 * and B unidirectionally broadcast to X. Optional outputs Mean and InvStdDev have X's shape with
 * the normalized dims set to 1, in float32 (stash_type 1) or float64 (stash_type 11).
 */
export const layerNormalization: Kernel = (inputs, attrs, nOutputs) => {
  const op = "LayerNormalization";
  const X = requireInput(op, inputs, 0, "X");
  const x = floatData(op, X, "X");
  const S = requireInput(op, inputs, 1, "Scale"), B = inputs[2];
  sameDType(op, X, S, "X and Scale");
  if (B) sameDType(op, X, B, "X and B");
  if (X.rank === 0) throw new KernelError(`${op}: X must have rank >= 1`);
  const axis = normAxis(op, attrInt(op, attrs, "axis", -1), X.rank);
  const eps = attrFloat(op, attrs, "epsilon", 1e-5);
  const stash = attrInt(op, attrs, "stash_type", 1);
  if (stash !== 1 && stash !== 11) throw new KernelError(`unsupported: ${op} stash_type ${stash} (1 = float32 and 11 = float64 are supported)`);
  const unidirectional = (t: Tensor, name: string): Int32Array => {
    if (t.rank > X.rank || t.shape.some((d, i) => d !== 1 && d !== X.shape[X.rank - t.rank + i])) {
      throw new KernelError(`${op}: ${name} of shape [${t.shape}] does not broadcast to X [${X.shape}]`);
    }
    return broadcastIndexMap(t.shape, X.shape);
  };
  const sMap = unidirectional(S, "Scale"), bMap = B ? unidirectional(B, "B") : undefined;
  const s = S.data as FloatData, bd = B?.data as FloatData | undefined;
  const { outShape, base, window } = reducePlan(X.shape, X.shape.map((_, i) => i >= axis), true);
  const out = new Tensor(X.dtype, X.shape);
  const y = out.data as FloatData;
  const statType = stash === 11 ? "f64" : "f32";
  const meanT = new Tensor(statType, outShape), invT = new Tensor(statType, outShape);
  for (let o = 0; o < base.length; o++) {
    const b = base[o]!;
    const { mean, variance } = moments(x, b, window);
    const inv = 1 / Math.sqrt(variance + eps);
    (meanT.data as FloatData)[o] = mean;
    (invT.data as FloatData)[o] = inv;
    for (let r = 0; r < window.length; r++) {
      const i = b + window[r]!;
      y[i] = (x[i]! - mean) * inv * s[sMap[i]!]! + (bd ? bd[bMap![i]!]! : 0);
    }
  }
  return [out, meanT, invT].slice(0, Math.max(1, nOutputs));
};
