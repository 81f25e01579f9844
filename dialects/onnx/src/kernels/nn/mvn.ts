import { Tensor } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrNumbers, normAxis, requireInput } from "../util/nn-attrs.js";
import { floatData, type FloatData } from "../util/nn-dtype.js";
import { moments } from "../util/nn-moments.js";
import { reducePlan } from "../util/nn-reduce-plan.js";

/** The epsilon of the ONNX function body: Y = (X - E[X]) / (sqrt(Var[X]) + 1e-9). */
const MVN_EPSILON = 1e-9;

/** MeanVarianceNormalization over `axes` (default [0, 2, 3]). */
export const meanVarianceNormalization: Kernel = (inputs, attrs) => {
  const op = "MeanVarianceNormalization";
  const X = requireInput(op, inputs, 0, "X");
  const x = floatData(op, X, "X");
  const axes = (attrNumbers(op, attrs, "axes") ?? [0, 2, 3]).map((a) => normAxis(op, a, X.rank, "axes entry"));
  if (new Set(axes).size !== axes.length) throw new KernelError(`${op}: axes [${axes}] has a repeated axis`);
  const { base, window } = reducePlan(X.shape, X.shape.map((_, i) => axes.includes(i)), false);
  const out = new Tensor(X.dtype, X.shape);
  const y = out.data as FloatData;
  for (let o = 0; o < base.length; o++) {
    const b = base[o]!;
    const { mean, variance } = moments(x, b, window);
    const d = Math.sqrt(variance) + MVN_EPSILON;
    for (let r = 0; r < window.length; r++) y[b + window[r]!] = (x[b + window[r]!]! - mean) / d;
  }
  return [out];
};
