// tensor.pad and tensor.generate: tensors whose elements come from a region called with the
// element's indices (pad: only outside the source), ending in tensor.yield.
import {
  defineOp, Operation, Pure, ReturnLike, Terminator, HasParent, SingleBlock, AnyRankedTensor, Index, IndexType, UnitAttrC, DenseArrayOf,
  DenseArrayAttr, IntegerType, RankedTensorType, DYNAMIC, Block, Builder, InsertionPoint, elementTypeOf, UnitAttr,
  type OpDef, type Value,
} from "@zkmlir/core";
import { DYNAMIC_I64, checkMixed, i64Array, staticValues } from "./mixed.js";
import type { OpFoldResult } from "./slice.js";

export const YieldOp = defineOp({
  name: "tensor.yield",
  summary: "Yield a value from a region",
  description: "The element value of tensor.pad / tensor.generate at the region's indices.",
  operands: [{ name: "value" }],
  traits: [Pure, ReturnLike, Terminator, HasParent("tensor.pad", "tensor.generate")],
  verify: (op) => {
    const want = elementTypeOf(op.parentOp!.result(0).type);
    return op.operand(0).type === want ? undefined : `yields '${op.operand(0).type.key}' but the parent's element type is '${want.key}'`;
  },
});

function checkIndexBody(op: Operation, rank: number): string | undefined {
  const b = op.region(0).entry;
  if (!b) return "expects a region with one block";
  if (b.args.length !== rank || b.args.some((a) => !(a.type instanceof IndexType))) return `region must have ${rank} index arguments (one per dimension)`;
  return b.last?.name === "tensor.yield" ? undefined : "region must end with 'tensor.yield'";
}

export const PadOp: OpDef = defineOp({
  name: "tensor.pad",
  summary: "tensor pad operation",
  description: "result has size low + source + high per dimension; result[i] = source[i - low] inside the source, else the region's yield at i.",
  operands: [{ name: "source", type: AnyRankedTensor }, { name: "low", type: Index, arity: "variadic" }, { name: "high", type: Index, arity: "variadic" }],
  results: [{ name: "result", type: AnyRankedTensor }],
  attributes: { static_low: { constraint: DenseArrayOf("i64") }, static_high: { constraint: DenseArrayOf("i64") }, nofold: { constraint: UnitAttrC, optional: true } },
  regions: [{ name: "region" }],
  traits: [Pure, SingleBlock],
  verify: (op) => {
    const src = op.operand(0).type as RankedTensorType, res = op.result(0).type as RankedTensorType;
    for (const [a, g] of [["static_low", "low"], ["static_high", "high"]] as const) {
      const e = checkMixed(op, PadOp, a, g, src.rank);
      if (e) return e;
    }
    if (res.rank !== src.rank || elementTypeOf(res) !== elementTypeOf(src)) return `result type '${res.key}' must have the rank and element type of the source`;
    const lo = staticValues(op, "static_low"), hi = staticValues(op, "static_high");
    for (let k = 0; k < src.rank; k++) {
      if (src.shape[k] === DYNAMIC || lo[k] === DYNAMIC_I64 || hi[k] === DYNAMIC_I64 || res.shape[k] === DYNAMIC) continue;
      const want = src.shape[k]! + lo[k]! + hi[k]!;
      if (res.shape[k] !== want) return `result dimension ${k} is ${res.shape[k]}, expected ${want} (low + source + high)`;
    }
    return checkIndexBody(op, src.rank);
  },
});

export const GenerateOp = defineOp({
  name: "tensor.generate",
  summary: "Creates a dynamically sized tensor from elements",
  description: "result[i] = region(i); `dynamicExtents` give the `?` dimensions in order.",
  operands: [{ name: "dynamicExtents", type: Index, arity: "variadic" }],
  results: [{ name: "result", type: AnyRankedTensor }],
  regions: [{ name: "body" }],
  traits: [Pure, SingleBlock],
  verify: (op) => {
    const res = op.result(0).type as RankedTensorType;
    const dyn = res.shape.filter((d) => d === DYNAMIC).length;
    if (dyn !== op.operands.length) return `must have as many index operands as dynamic extents in the result type (${dyn}), got ${op.operands.length}`;
    return checkIndexBody(op, res.rank);
  },
});

function indexBody(op: Operation, rank: number, body: (b: Builder, indices: readonly Value[]) => Value): void {
  const block = op.region(0).addBlock(new Block(new Array(rank).fill(IndexType.get())));
  const b = new Builder(InsertionPoint.atEnd(block));
  b.create({ name: "tensor.yield", operands: [body(b, block.args)] });
}

/** `tensor.pad source low[...] high[...]` whose padding value `body` builds (often a constant from outside). */
export function createPad(source: Value, resultType: RankedTensorType, low: readonly OpFoldResult[], high: readonly OpFoldResult[], body: (b: Builder, indices: readonly Value[]) => Value, opts: { nofold?: boolean } = {}): Operation {
  const st = (xs: readonly OpFoldResult[]) => xs.map((x) => (typeof x === "number" ? x : DYNAMIC_I64));
  const dyn = (xs: readonly OpFoldResult[]) => xs.filter((x): x is Value => typeof x !== "number");
  const op = Operation.create({
    name: "tensor.pad", operands: [source, ...dyn(low), ...dyn(high)], resultTypes: [resultType], regions: 1,
    properties: { operandSegmentSizes: new DenseArrayAttr(IntegerType.get(32), [1, dyn(low).length, dyn(high).length]), static_low: i64Array(st(low)), static_high: i64Array(st(high)), nofold: opts.nofold ? UnitAttr.instance : undefined },
  });
  indexBody(op, resultType.rank, body);
  return op;
}

/** `tensor.generate` of `resultType` with elements from `body(indices)`. */
export function createGenerate(resultType: RankedTensorType, dynamicExtents: readonly Value[], body: (b: Builder, indices: readonly Value[]) => Value): Operation {
  const op = Operation.create({ name: "tensor.generate", operands: dynamicExtents, resultTypes: [resultType], regions: 1 });
  indexBody(op, resultType.rank, body);
  return op;
}
