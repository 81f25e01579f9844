import { Tensor, shapeSize } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrFloat, attrInt, requireInput } from "../util/nn-attrs.js";
import { floatData, type FloatData } from "../util/nn-dtype.js";

/**
 * LRN across channels: y = x / (bias + alpha/size * sum of x^2 over channels
 * [c - floor((size-1)/2), c + ceil((size-1)/2)])^beta.
 */
export const lrn: Kernel = (inputs, attrs) => {
  const op = "LRN";
  const X = requireInput(op, inputs, 0, "X");
  const x = floatData(op, X, "X");
  if (X.rank < 2) throw new KernelError(`${op}: X must have rank >= 2, got [${X.shape}]`);
  const size = attrInt(op, attrs, "size", 0);
  if (size < 1) throw new KernelError(`${op}: attribute size must be a positive int, got ${size}`);
  const alpha = attrFloat(op, attrs, "alpha", 1e-4), beta = attrFloat(op, attrs, "beta", 0.75), bias = attrFloat(op, attrs, "bias", 1);
  const N = X.shape[0]!, C = X.shape[1]!, inner = shapeSize(X.shape.slice(2));
  const lo = Math.floor((size - 1) / 2), hi = Math.ceil((size - 1) / 2);
  const out = new Tensor(X.dtype, X.shape);
  const y = out.data as FloatData;
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const c0 = Math.max(0, c - lo), c1 = Math.min(C - 1, c + hi);
      for (let j = 0; j < inner; j++) {
        let sq = 0;
        for (let k = c0; k <= c1; k++) sq += x[(n * C + k) * inner + j]! ** 2;
        const i = (n * C + c) * inner + j;
        y[i] = x[i]! / (bias + (alpha / size) * sq) ** beta;
      }
    }
  }
  return [out];
};
