// tensor.extract_slice / tensor.insert_slice: strided rectangular windows. Offsets, sizes and
// strides are mixed static/dynamic lists (see mixed.ts); the slice type may drop unit dimensions
// (rank reduction), as upstream.
import {
  defineOp, Operation, Pure, AnyRankedTensor, Index, DenseArrayOf, DenseArrayAttr, IntegerType, RankedTensorType, DYNAMIC,
  type OpDef, type Value,
} from "@zkmlir/core";
import { DYNAMIC_I64, checkMixed, i64Array, staticValues } from "./mixed.js";

const MIXED = ["offsets", "sizes", "strides"] as const;
const mixedAttrs = {
  static_offsets: { constraint: DenseArrayOf("i64") },
  static_sizes: { constraint: DenseArrayOf("i64") },
  static_strides: { constraint: DenseArrayOf("i64") },
};
const mixedOperands = MIXED.map((n) => ({ name: n, type: Index, arity: "variadic" as const }));

/** Whether `slice` is `sizes` with some unit dimensions dropped (`?` where a size is dynamic). */
export function isRankReducedSlice(sizes: readonly number[], slice: RankedTensorType): boolean {
  const want = sizes.map((s) => (s === DYNAMIC_I64 ? DYNAMIC : s));
  let j = 0;
  for (let i = 0; i < want.length; i++) {
    if (j < slice.rank && slice.shape[j] === want[i]) { j++; continue; }
    if (want[i] !== 1) return false;
  }
  return j === slice.rank;
}

function verifySlice(op: Operation, def: OpDef, full: RankedTensorType, slice: RankedTensorType): string | undefined {
  for (const n of MIXED) {
    const e = checkMixed(op, def, `static_${n}`, n, full.rank);
    if (e) return e;
  }
  const sizes = staticValues(op, "static_sizes");
  if (!isRankReducedSlice(sizes, slice)) return `slice type '${slice.key}' does not match sizes [${sizes.map((s) => (s === DYNAMIC_I64 ? "?" : s)).join(", ")}] (only unit dimensions may be dropped)`;
  const offs = staticValues(op, "static_offsets"), strides = staticValues(op, "static_strides");
  for (let k = 0; k < full.rank; k++) {
    const [o, s, st, d] = [offs[k]!, sizes[k]!, strides[k]!, full.shape[k]!];
    if ([o, s, st].includes(DYNAMIC_I64) || d === DYNAMIC || s === 0) continue;
    if (o < 0 || st < 1 || o + (s - 1) * st >= d) return `slice along dimension ${k} (offset ${o}, size ${s}, stride ${st}) runs out of bounds of size ${d}`;
  }
  return undefined;
}

export const ExtractSliceOp: OpDef = defineOp({
  name: "tensor.extract_slice",
  summary: "extract slice operation",
  description: "result[i] = source[offsets + i * strides] for i < sizes; unit dimensions may be dropped from the result type.",
  operands: [{ name: "source", type: AnyRankedTensor }, ...mixedOperands],
  results: [{ name: "result", type: AnyRankedTensor }],
  attributes: mixedAttrs,
  traits: [Pure],
  verify: (op) => verifySlice(op, ExtractSliceOp, op.operand(0).type as RankedTensorType, op.result(0).type as RankedTensorType),
});

export const InsertSliceOp: OpDef = defineOp({
  name: "tensor.insert_slice",
  summary: "insert_slice operation",
  description: "result = dest with result[offsets + i * strides] = source[i]; source may lack unit dimensions of `sizes`.",
  operands: [{ name: "source", type: AnyRankedTensor }, { name: "dest", type: AnyRankedTensor }, ...mixedOperands],
  results: [{ name: "result", type: AnyRankedTensor }],
  attributes: mixedAttrs,
  traits: [Pure],
  verify: (op) => {
    if (op.result(0).type !== op.operand(1).type) return `result type '${op.result(0).type.key}' must match dest type '${op.operand(1).type.key}'`;
    return verifySlice(op, InsertSliceOp, op.operand(1).type as RankedTensorType, op.operand(0).type as RankedTensorType);
  },
});

/** A mixed list entry: a static number or a dynamic index value. */
export type OpFoldResult = number | Value;
function split(xs: readonly OpFoldResult[]): [number[], Value[]] {
  return [xs.map((x) => (typeof x === "number" ? x : DYNAMIC_I64)), xs.filter((x): x is Value => typeof x !== "number")];
}
const seg = (...n: number[]) => new DenseArrayAttr(IntegerType.get(32), n);

/** `tensor.extract_slice source[offsets] [sizes] [strides] : ... to resultType`. */
export function createExtractSlice(source: Value, offsets: readonly OpFoldResult[], sizes: readonly OpFoldResult[], strides: readonly OpFoldResult[], resultType: RankedTensorType): Operation {
  const [so, dO] = split(offsets), [ss, dS] = split(sizes), [st, dT] = split(strides);
  return Operation.create({
    name: "tensor.extract_slice", operands: [source, ...dO, ...dS, ...dT], resultTypes: [resultType],
    properties: { operandSegmentSizes: seg(1, dO.length, dS.length, dT.length), static_offsets: i64Array(so), static_sizes: i64Array(ss), static_strides: i64Array(st) },
  });
}

/** `tensor.insert_slice source into dest[offsets] [sizes] [strides]`. */
export function createInsertSlice(source: Value, dest: Value, offsets: readonly OpFoldResult[], sizes: readonly OpFoldResult[], strides: readonly OpFoldResult[]): Operation {
  const [so, dO] = split(offsets), [ss, dS] = split(sizes), [st, dT] = split(strides);
  return Operation.create({
    name: "tensor.insert_slice", operands: [source, dest, ...dO, ...dS, ...dT], resultTypes: [dest.type],
    properties: { operandSegmentSizes: seg(1, 1, dO.length, dS.length, dT.length), static_offsets: i64Array(so), static_sizes: i64Array(ss), static_strides: i64Array(st) },
  });
}
