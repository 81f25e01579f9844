import { Tensor } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrInt, normAxis, requireInput } from "../util/nn-attrs.js";
import { checkDType, NUMERIC, type NumberData } from "../util/nn-dtype.js";
import { reducePlan } from "../util/nn-reduce-plan.js";

/**
 * ArgMax / ArgMin: int64 index of the extreme along `axis` (first occurrence, or last with
 * select_last_index). A NaN wins like numpy's argmax/argmin (first NaN).
 */
function argKernel(op: "ArgMax" | "ArgMin"): Kernel {
  const sign = op === "ArgMax" ? 1 : -1;
  return (inputs, attrs) => {
    const x = requireInput(op, inputs, 0, "data");
    checkDType(op, x, "data", [...NUMERIC, "i1"]);
    const axis = normAxis(op, attrInt(op, attrs, "axis", 0), x.rank);
    const last = attrInt(op, attrs, "select_last_index", 0) !== 0;
    const mask = x.shape.map((_, i) => i === axis);
    const { outShape, base, window } = reducePlan(x.shape, mask, attrInt(op, attrs, "keepdims", 1) !== 0);
    const out = new Tensor("i64", outShape);
    const dst = out.data as BigInt64Array;
    const n = window.length;
    if (n === 0) throw new KernelError(`${op}: axis ${axis} has size 0, no index to return`);
    if (x.dtype === "i64") {
      const src = x.data as BigInt64Array;
      const s = BigInt(sign);
      for (let o = 0; o < base.length; o++) {
        const b = base[o]!;
        let best = src[b]! * s, bi = 0;
        for (let r = 1; r < n; r++) {
          const v = src[b + window[r]!]! * s;
          if (v > best || (last && v === best)) { best = v; bi = r; }
        }
        dst[o] = BigInt(bi);
      }
    } else {
      const src = x.data as NumberData;
      for (let o = 0; o < base.length; o++) {
        const b = base[o]!;
        let best = src[b]! * sign, bi = 0;
        if (!Number.isNaN(best)) {
          for (let r = 1; r < n; r++) {
            const v = src[b + window[r]!]! * sign;
            if (Number.isNaN(v)) { bi = r; break; }
            if (v > best || (last && v === best)) { best = v; bi = r; }
          }
        }
        dst[o] = BigInt(bi);
      }
    }
    return [out];
  };
}

export const argMax = argKernel("ArgMax");
export const argMin = argKernel("ArgMin");
