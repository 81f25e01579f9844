import { Tensor } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrFloat, requireInput } from "../util/nn-attrs.js";
import { floatData, type FloatData } from "../util/nn-dtype.js";
import { channelParam, moments } from "../util/nn-moments.js";
import { reducePlan } from "../util/nn-reduce-plan.js";

/** InstanceNormalization: per (n, c), normalize over the spatial dims, then scale[c], B[c]. */
export const instanceNormalization: Kernel = (inputs, attrs) => {
  const op = "InstanceNormalization";
  const X = requireInput(op, inputs, 0, "input");
  const x = floatData(op, X, "input");
  if (X.rank < 3) throw new KernelError(`${op}: input must have rank >= 3, got [${X.shape}]`);
  const C = X.shape[1]!;
  const scale = channelParam(op, floatData(op, requireInput(op, inputs, 1, "scale"), "scale"), C, "scale", 1);
  const bias = channelParam(op, floatData(op, requireInput(op, inputs, 2, "B"), "B"), C, "B", 0);
  const eps = attrFloat(op, attrs, "epsilon", 1e-5);
  const { base, window } = reducePlan(X.shape, X.shape.map((_, i) => i >= 2), false);
  const out = new Tensor(X.dtype, X.shape);
  const y = out.data as FloatData;
  for (let o = 0; o < base.length; o++) {
    const c = o % C, b = base[o]!;
    const { mean, variance } = moments(x, b, window);
    const k = scale[c]! / Math.sqrt(variance + eps);
    for (let r = 0; r < window.length; r++) y[b + window[r]!] = (x[b + window[r]!]! - mean) * k + bias[c]!;
  }
  return [out];
};
