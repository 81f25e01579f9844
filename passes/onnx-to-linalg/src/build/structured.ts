// Creation of the destination tensors and generics every lowering uses: `tensor.empty` inits,
// `linalg.fill`ed inits, and a generic inserted at the builder's insertion point.
import { IndexType, IntegerAttr, IntegerType, type AffineMap, type Builder, type RankedTensorType, type Value, type Type } from "@zkmlir/core";
import { createGeneric, createFill, type IteratorKind } from "@zkmlir/linalg";
import { createEmpty } from "@zkmlir/tensor";
import { constant } from "./scalar.js";

export function empty(b: Builder, t: RankedTensorType): Value {
  const op = b.insert(createEmpty(t));
  op.loc = b.loc;
  return op.result(0);
}

/** A tensor of type `t` filled with the scalar `v` (created outside any body). */
export function filled(b: Builder, t: RankedTensorType, v: number | bigint): Value {
  return fill(b, constant(b, t.elementType, v), empty(b, t));
}

export function fill(b: Builder, scalar: Value, dest: Value): Value {
  const op = b.insert(createFill(scalar, dest));
  op.loc = b.loc;
  return op.result(0);
}

/** What a generic body sees: its builder, the scalar block arguments and the loop indices. */
export interface BodyCtx {
  readonly b: Builder;
  /** Block arguments: one scalar per input, then per output (the accumulators). */
  readonly args: readonly Value[];
  /** `linalg.index d` (an index value), created on first use. */
  index(d: number): Value;
}

export interface GenericSpec {
  inputs: readonly Value[];
  outputs: readonly Value[];
  maps: readonly AffineMap[];
  iterators: readonly IteratorKind[];
  body: (c: BodyCtx) => readonly Value[];
}

/** Inserts a linalg.generic; returns its results. */
export function generic(b: Builder, s: GenericSpec): Value[] {
  const op = createGeneric({
    inputs: s.inputs,
    outputs: s.outputs,
    indexingMaps: s.maps,
    iteratorTypes: s.iterators,
    loc: b.loc,
    body: (bb, args) => {
      const idx = new Map<number, Value>();
      const index = (d: number): Value => {
        let v = idx.get(d);
        if (!v) {
          v = bb.create({ name: "linalg.index", resultTypes: [indexTy], properties: { dim: intAttr(d) } }).result(0);
          idx.set(d, v);
        }
        return v;
      };
      return s.body({ b: bb, args, index });
    },
  });
  b.insert(op);
  return op.results.slice();
}

const indexTy: Type = IndexType.get();
const intAttr = (d: number) => IntegerAttr.get(d, IntegerType.get(64));
