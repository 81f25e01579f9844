import { Tensor } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { broadcastPlan } from "../util/basic-elementwise.js";
import { checkDtype, input, numData, sameDtype } from "../util/basic-tensor.js";

/** Where(condition, X, Y): X where condition is true, else Y, all three broadcast. */
function where(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const c = input(inputs, 0, "Where", "condition");
  const x = input(inputs, 1, "Where", "X"), y = input(inputs, 2, "Where", "Y");
  checkDtype(c, ["i1"], "Where", "condition");
  sameDtype(x, y, "Where");
  const { shape, maps: [mc, mx, my] } = broadcastPlan([c.shape, x.shape, y.shape]);
  const out = new Tensor(x.dtype, shape);
  const cd = c.data as Uint8Array, n = out.size;
  if (out.data instanceof BigInt64Array) {
    const sx = x.data as BigInt64Array, sy = y.data as BigInt64Array, d = out.data;
    for (let i = 0; i < n; i++) d[i] = cd[mc ? mc[i]! : i] ? sx[mx ? mx[i]! : i]! : sy[my ? my[i]! : i]!;
  } else {
    const sx = numData(x), sy = numData(y), d = numData(out);
    for (let i = 0; i < n; i++) d[i] = cd[mc ? mc[i]! : i] ? sx[mx ? mx[i]! : i]! : sy[my ? my[i]! : i]!;
  }
  return [out];
}

export const WHERE_KERNELS: Record<string, Kernel> = { Where: where };
