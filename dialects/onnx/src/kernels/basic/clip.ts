import { Tensor } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { attrFloat } from "../util/basic-attrs.js";
import { checkDtype, input, NUMERIC_DTYPES, numData, sameDtype, scalarOf } from "../util/basic-tensor.js";

/** Bound from input `i` (opset 11+) or the float attribute of opset 6. */
function bound(inputs: readonly (Tensor | undefined)[], attrs: Attrs, x: Tensor, i: number, name: string): Tensor | undefined {
  const t = inputs[i];
  if (t) {
    sameDtype(x, t, "Clip");
    scalarOf(t, "Clip", name);
    return t;
  }
  const a = attrFloat(attrs, "Clip", name);
  return a === undefined ? undefined : Tensor.scalar("f64", a);
}

/** Clip: min(max(x, lo), hi); when lo > hi every element becomes hi, as the spec says. */
function clip(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Clip", "input");
  checkDtype(x, NUMERIC_DTYPES, "Clip", "input");
  const lo = bound(inputs, attrs, x, 1, "min");
  const hi = bound(inputs, attrs, x, 2, "max");
  const out = new Tensor(x.dtype, x.shape);
  if (x.data instanceof BigInt64Array) {
    const big = (t: Tensor | undefined): bigint | undefined =>
      t === undefined ? undefined : t.data instanceof BigInt64Array ? t.data[0]! : BigInt(Math.trunc(t.getNumber(0)));
    const loV = big(lo), hiV = big(hi);
    const s = x.data, d = out.data as BigInt64Array;
    for (let i = 0; i < s.length; i++) {
      let v = s[i]!;
      if (loV !== undefined && v < loV) v = loV;
      if (hiV !== undefined && v > hiV) v = hiV;
      d[i] = v;
    }
    return [out];
  }
  const loV = lo ? lo.getNumber(0) : -Infinity, hiV = hi ? hi.getNumber(0) : Infinity;
  const s = numData(x), d = numData(out);
  for (let i = 0; i < s.length; i++) d[i] = Math.min(Math.max(s[i]!, loV), hiV);
  return [out];
}

export const CLIP_KERNELS: Record<string, Kernel> = { Clip: clip };
