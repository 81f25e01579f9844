import type { Tensor } from "@zkmlir/core";
import { KernelError, type Attrs } from "../types.js";
import { attrInts } from "./basic-attrs.js";
import { normAxis, toInts } from "./basic-tensor.js";

/**
 * Integer list from input `i` (current opsets) or, when that input is absent, from the attribute
 * of the same meaning in older opsets. Undefined when neither is given.
 */
export function intsFromInputOrAttr(
  inputs: readonly (Tensor | undefined)[], i: number, attrs: Attrs, op: string, name: string,
): number[] | undefined {
  const t = inputs[i];
  if (t) return toInts(t, op, name);
  return attrInts(attrs, op, name);
}

/** Normalize axes against `rank`, rejecting duplicates. */
export function normAxes(axes: readonly number[], rank: number, op: string): number[] {
  const out = axes.map((a) => normAxis(a, rank, op));
  if (new Set(out).size !== out.length) throw new KernelError(`${op}: repeated axis in [${axes.join(",")}]`);
  return out;
}
