import { Tensor } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { broadcastPlan } from "../util/basic-elementwise.js";
import { checkDtype, FLOAT_DTYPES, NUMERIC_DTYPES, numData, sameDtype } from "../util/basic-tensor.js";

interface Fold {
  num: (acc: number, v: number) => number;
  big: (acc: bigint, v: bigint) => bigint;
  /** Applied to the float64 accumulator after folding (Mean divides by the count). */
  finish?: (acc: number, count: number) => number;
}

/**
 * Max/Min/Sum/Mean over 1..N broadcast inputs. Floats accumulate in float64 and are rounded once
 * on the final store; i64 folds on BigInt so it stays exact.
 */
function variadicKernel(op: string, fold: Fold, dtypes: typeof NUMERIC_DTYPES): Kernel {
  return (inputs) => {
    const xs = inputs.filter((t): t is Tensor => t !== undefined);
    if (xs.length === 0) throw new KernelError(`${op}: needs at least one input`);
    for (const x of xs) {
      checkDtype(x, dtypes, op, "data_0");
      sameDtype(xs[0]!, x, op);
    }
    const { shape, maps } = broadcastPlan(xs.map((x) => x.shape));
    const out = new Tensor(xs[0]!.dtype, shape);
    const n = out.size;
    if (out.data instanceof BigInt64Array) {
      const acc = out.data;
      xs.forEach((x, j) => {
        const s = x.data as BigInt64Array, m = maps[j]!;
        for (let i = 0; i < n; i++) {
          const v = s[m ? m[i]! : i]!;
          acc[i] = j === 0 ? v : fold.big(acc[i]!, v);
        }
      });
      return [out];
    }
    const acc = new Float64Array(n);
    xs.forEach((x, j) => {
      const s = numData(x), m = maps[j]!;
      for (let i = 0; i < n; i++) {
        const v = s[m ? m[i]! : i]!;
        acc[i] = j === 0 ? v : fold.num(acc[i]!, v);
      }
    });
    const d = numData(out), fin = fold.finish;
    for (let i = 0; i < n; i++) d[i] = fin ? fin(acc[i]!, xs.length) : acc[i]!;
    return [out];
  };
}

export const VARIADIC_KERNELS: Record<string, Kernel> = {
  // Math.max/min propagate NaN, as numpy.maximum/minimum (ONNX's reference) do.
  Max: variadicKernel("Max", { num: Math.max, big: (a, b) => (b > a ? b : a) }, NUMERIC_DTYPES),
  Min: variadicKernel("Min", { num: Math.min, big: (a, b) => (b < a ? b : a) }, NUMERIC_DTYPES),
  Sum: variadicKernel("Sum", { num: (a, b) => a + b, big: (a, b) => a + b }, FLOAT_DTYPES),
  Mean: variadicKernel("Mean", { num: (a, b) => a + b, big: (a, b) => a + b, finish: (a, c) => a / c }, FLOAT_DTYPES),
};
