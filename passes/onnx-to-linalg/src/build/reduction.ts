// Reductions: a linalg.generic whose output drops (or keeps as size 1) the reduced axes, with an
// init filled with the combiner's identity value (destination-passing accumulation).
import { AffineMap, cst, dim, RankedTensorType, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import type { IteratorKind } from "@zkmlir/linalg";
import { filled, generic, type BodyCtx } from "./structured.js";

export interface ReduceSpec {
  input: Value;
  /** Normalized, sorted axes to reduce. */
  axes: readonly number[];
  keepDims: boolean;
  /** Identity of the combiner (e.g. 0 for sums, -inf for max). */
  identity: number | bigint;
  /** Result element type (default: the input's). */
  elementType?: RankedTensorType["elementType"];
  /** acc' = combine(x, acc); `x` is the (optionally pre-mapped) input scalar. */
  combine: (c: BodyCtx, x: Value, acc: Value) => Value;
}

/** The output shape of reducing `shape` over `axes`. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepDims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return out;
}

export function reduce(b: Builder, s: ReduceSpec): Value {
  const t = s.input.type as RankedTensorType;
  const R = t.rank;
  const outType = RankedTensorType.get(reducedShape(t.shape, s.axes, s.keepDims), s.elementType ?? t.elementType);
  const outRes: AffineExpr[] = [];
  for (let i = 0; i < R; i++) {
    if (!s.axes.includes(i)) outRes.push(dim(i));
    else if (s.keepDims) outRes.push(cst(0));
  }
  const iters: IteratorKind[] = t.shape.map((_, i) => (s.axes.includes(i) ? "reduction" : "parallel"));
  return generic(b, {
    inputs: [s.input],
    outputs: [filled(b, outType, s.identity)],
    maps: [AffineMap.identity(R), new AffineMap(R, 0, outRes)],
    iterators: iters,
    body: (c) => [s.combine(c, c.args[0]!, c.args[1]!)],
  })[0]!;
}
