import { Tensor, shapeSize } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrFloat, attrInt, requireInput } from "../util/nn-attrs.js";
import { floatData, sameDType, type FloatData } from "../util/nn-dtype.js";

/**
 * GroupNormalization: statistics per (n, group of C/num_groups channels) over those channels and
 * all spatial dims. Scale and bias are per channel (opset 21) or per group (opset 18 models).
 */
export const groupNormalization: Kernel = (inputs, attrs) => {
  const op = "GroupNormalization";
  const X = requireInput(op, inputs, 0, "X");
  const x = floatData(op, X, "X");
  const S = requireInput(op, inputs, 1, "scale"), B = requireInput(op, inputs, 2, "bias");
  sameDType(op, X, S, "X and scale");
  sameDType(op, X, B, "X and bias");
  if (X.rank < 2) throw new KernelError(`${op}: X must have rank >= 2, got [${X.shape}]`);
  const G = attrInt(op, attrs, "num_groups", 0);
  const eps = attrFloat(op, attrs, "epsilon", 1e-5);
  const N = X.shape[0]!, C = X.shape[1]!;
  if (G < 1 || C % G !== 0) throw new KernelError(`${op}: num_groups ${G} must be a positive divisor of the ${C} channels`);
  const perGroup = S.size === G && G !== C;
  for (const [t, name] of [[S, "scale"], [B, "bias"]] as const) {
    if (t.size !== C && t.size !== G) throw new KernelError(`${op}: ${name} has ${t.size} values, expected ${C} (or ${G} per group)`);
  }
  const s = S.data as FloatData, bi = B.data as FloatData;
  const inner = shapeSize(X.shape.slice(2)), cg = C / G, len = cg * inner;
  const out = new Tensor(X.dtype, X.shape);
  const y = out.data as FloatData;
  for (let ng = 0; ng < N * G; ng++) {
    const start = ng * len, g = ng % G;
    let sum = 0;
    for (let i = start; i < start + len; i++) sum += x[i]!;
    const mean = sum / len;
    let v = 0;
    for (let i = start; i < start + len; i++) v += (x[i]! - mean) ** 2;
    const inv = 1 / Math.sqrt(v / len + eps);
    for (let i = start; i < start + len; i++) {
      const c = g * cg + Math.floor((i - start) / inner);
      const p = perGroup ? g : c;
      y[i] = (x[i]! - mean) * inv * s[p]! + bi[p]!;
    }
  }
  return [out];
};
