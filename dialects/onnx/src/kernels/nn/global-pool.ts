import { Tensor, shapeSize } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { requireInput } from "../util/nn-attrs.js";
import { floatData } from "../util/nn-dtype.js";

type Mode = "GlobalAveragePool" | "GlobalMaxPool";

/** Pool over all spatial dims: [N, C, d...] -> [N, C, 1...]. */
function globalPool(op: Mode): Kernel {
  return (inputs) => {
    const X = requireInput(op, inputs, 0, "X");
    const x = floatData(op, X, "X");
    if (X.rank < 2) throw new KernelError(`${op}: X must have rank >= 2, got [${X.shape}]`);
    const n = shapeSize(X.shape.slice(2));
    const out = new Tensor(X.dtype, [X.shape[0]!, X.shape[1]!, ...X.shape.slice(2).map(() => 1)]);
    const y = out.data as Float32Array | Float64Array;
    for (let o = 0; o < y.length; o++) {
      let acc = op === "GlobalMaxPool" ? -Infinity : 0;
      for (let i = o * n; i < (o + 1) * n; i++) {
        const v = x[i]!;
        if (op === "GlobalMaxPool") { if (v > acc || Number.isNaN(v)) acc = v; } else acc += v;
      }
      y[o] = op === "GlobalMaxPool" ? acc : acc / n;
    }
    return [out];
  };
}

export const globalAveragePool = globalPool("GlobalAveragePool");
export const globalMaxPool = globalPool("GlobalMaxPool");
