import { Tensor, shapeSize } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrFloat, attrInt, requireInput } from "../util/nn-attrs.js";
import { floatData, type FloatData } from "../util/nn-dtype.js";
import { channelParam, moments } from "../util/nn-moments.js";
import { reducePlan } from "../util/nn-reduce-plan.js";

/**
 * BatchNormalization over channel axis 1. Inference uses input_mean/input_var; training_mode=1
 * uses the batch statistics (population variance) and also returns the updated running stats.
 */
export const batchNormalization: Kernel = (inputs, attrs, nOutputs) => {
  const op = "BatchNormalization";
  const X = requireInput(op, inputs, 0, "X");
  const x = floatData(op, X, "X");
  if (X.rank < 2) throw new KernelError(`${op}: X must have rank >= 2, got [${X.shape}]`);
  const C = X.shape[1]!;
  const p = (i: number, name: string): Float64Array => channelParam(op, floatData(op, requireInput(op, inputs, i, name), name), C, name, 0);
  const scale = p(1, "scale"), bias = p(2, "B"), inMean = p(3, "input_mean"), inVar = p(4, "input_var");
  const eps = attrFloat(op, attrs, "epsilon", 1e-5), momentum = attrFloat(op, attrs, "momentum", 0.9);
  const training = attrInt(op, attrs, "training_mode", 0) !== 0;
  let mean = inMean, variance = inVar;
  if (training) {
    const { base, window } = reducePlan(X.shape, X.shape.map((_, i) => i !== 1), false);
    mean = new Float64Array(C);
    variance = new Float64Array(C);
    for (let c = 0; c < C; c++) ({ mean: mean[c], variance: variance[c] } = moments(x, base[c]!, window));
  }
  const inner = shapeSize(X.shape.slice(2));
  const out = new Tensor(X.dtype, X.shape);
  const y = out.data as FloatData;
  for (let i = 0, n = 0; n < X.shape[0]!; n++) {
    for (let c = 0; c < C; c++) {
      const k = scale[c]! / Math.sqrt(variance[c]! + eps), m = mean[c]!, b = bias[c]!;
      for (let j = 0; j < inner; j++, i++) y[i] = (x[i]! - m) * k + b;
    }
  }
  if (!training || nOutputs < 2) return [out];
  const running = (old: Float64Array, cur: Float64Array): Tensor => {
    const t = new Tensor(X.dtype, [C]);
    for (let c = 0; c < C; c++) (t.data as FloatData)[c] = old[c]! * momentum + cur[c]! * (1 - momentum);
    return t;
  };
  return [out, running(inMean, mean), running(inVar, variance)].slice(0, nOutputs);
};
