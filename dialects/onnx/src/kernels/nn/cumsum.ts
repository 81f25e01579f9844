import { Tensor } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrInt, intsOf, normAxis, requireInput } from "../util/nn-attrs.js";
import { checkDType, NUMERIC, type NumberData } from "../util/nn-dtype.js";
import { reducePlan } from "../util/nn-reduce-plan.js";

/** CumSum along `axis` (0-D input), with exclusive and reverse. Integers wrap like their type. */
export const cumSum: Kernel = (inputs, attrs) => {
  const op = "CumSum";
  const x = requireInput(op, inputs, 0, "x");
  checkDType(op, x, "x", NUMERIC);
  const axisT = requireInput(op, inputs, 1, "axis");
  const axes = intsOf(op, axisT, "axis");
  if (axes.length !== 1) throw new KernelError(`${op}: axis must hold exactly one value, got ${axes.length}`);
  const axis = normAxis(op, axes[0]!, x.rank);
  const exclusive = attrInt(op, attrs, "exclusive", 0) !== 0;
  const reverse = attrInt(op, attrs, "reverse", 0) !== 0;
  // The window of the plan is the axis line in order; walking it forwards or backwards.
  const { base, window } = reducePlan(x.shape, x.shape.map((_, i) => i === axis), true);
  const n = window.length;
  const out = new Tensor(x.dtype, x.shape);
  if (x.dtype === "i64") {
    const src = x.data as BigInt64Array, dst = out.data as BigInt64Array;
    for (let o = 0; o < base.length; o++) {
      let acc = 0n;
      for (let k = 0; k < n; k++) {
        const off = base[o]! + window[reverse ? n - 1 - k : k]!;
        if (exclusive) { dst[off] = acc; acc = BigInt.asIntN(64, acc + src[off]!); }
        else { acc = BigInt.asIntN(64, acc + src[off]!); dst[off] = acc; }
      }
    }
  } else {
    const src = x.data as NumberData, dst = out.data as NumberData;
    const isInt = x.dtype !== "f32" && x.dtype !== "f64";
    for (let o = 0; o < base.length; o++) {
      let acc = 0;
      for (let k = 0; k < n; k++) {
        const off = base[o]! + window[reverse ? n - 1 - k : k]!;
        const prev = acc;
        acc = isInt ? (acc + src[off]!) | 0 : acc + src[off]!;
        dst[off] = exclusive ? prev : acc;
      }
    }
  }
  return [out];
};
