import { Tensor } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrInt, normAxis, requireInput } from "../util/nn-attrs.js";
import { floatData } from "../util/nn-dtype.js";
import { reducePlan } from "../util/nn-reduce-plan.js";

type Mode = "Softmax" | "LogSoftmax" | "Hardmax";

/** Softmax-family over one axis (opset 13 semantics: axis default -1, no flattening). */
function softmaxKernel(op: Mode): Kernel {
  return (inputs, attrs) => {
    const x = requireInput(op, inputs, 0, "input");
    const src = floatData(op, x, "input");
    const out = new Tensor(x.dtype, x.shape);
    if (x.rank === 0) throw new KernelError(`${op}: input must have rank >= 1`);
    const axis = normAxis(op, attrInt(op, attrs, "axis", -1), x.rank);
    const { base, window } = reducePlan(x.shape, x.shape.map((_, i) => i === axis), true);
    const dst = out.data as Float32Array | Float64Array;
    const n = window.length;
    for (let o = 0; o < base.length; o++) {
      const b = base[o]!;
      let m = -Infinity, mi = 0;
      for (let r = 0; r < n; r++) {
        const v = src[b + window[r]!]!;
        if (v > m) { m = v; mi = r; }
      }
      if (op === "Hardmax") {
        for (let r = 0; r < n; r++) dst[b + window[r]!] = r === mi ? 1 : 0;
        continue;
      }
      let s = 0;
      for (let r = 0; r < n; r++) s += Math.exp(src[b + window[r]!]! - m);
      if (op === "Softmax") for (let r = 0; r < n; r++) dst[b + window[r]!] = Math.exp(src[b + window[r]!]! - m) / s;
      else {
        const ls = Math.log(s);
        for (let r = 0; r < n; r++) dst[b + window[r]!] = src[b + window[r]!]! - m - ls;
      }
    }
    return [out];
  };
}

export const softmax = softmaxKernel("Softmax");
export const logSoftmax = softmaxKernel("LogSoftmax");
export const hardmax = softmaxKernel("Hardmax");
