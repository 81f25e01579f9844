// Ops whose bodies read loop indices: Trilu (keep by j - i), Range (start + i * delta), CumSum
// (a reduction over j <= i), ArgMax/ArgMin (value + index accumulators), TopK (rank of each
// element by comparisons, then a select-reduction by rank). NonZero has a data-dependent shape:
// it must have been folded away (constant input), otherwise it is reported.
import { AffineMap, FloatType, IntegerAttr, IntegerType, RankedTensorType, cst, dim, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import type { IteratorKind } from "@zkmlir/linalg";
import { elementwise } from "../build/elementwise.js";
import { generic, filled } from "../build/structured.js";
import { arith, cmp, constant, emit, indexTo, select } from "../build/scalar.js";
import { constantNumbers } from "../util/constants.js";
import { intAttr } from "../util/attrs.js";
import { normAxis, resultType, staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import { lowest, highest } from "./reduce.js";
import type { Lowering } from "./lowering.js";

const i64 = () => IntegerType.get(64);
const par = (n: number): IteratorKind[] => Array.from({ length: n }, () => "parallel");
const ids = (n: number, L = n): AffineMap => new AffineMap(L, 0, Array.from({ length: n }, (_, j) => dim(j)));

const trilu: Lowering = (c) => {
  const x = c.req(0), out = resultType(c.op), r = out.rank;
  const kIn = c.input(1);
  const k = kIn ? constantNumbers(kIn)?.[0] : 0;
  if (k === undefined) throw loweringError(c.op, "k must be a constant");
  const upper = intAttr(c.op, "upper", 1) !== 0;
  return [elementwise(c.b, [x], out, ({ b, args, index }) => {
    // keep when j - i >= k (upper) or j - i <= k (lower), in i64.
    const diff = arith(b, "sub", indexTo(b, index(r - 1), i64()), indexTo(b, index(r - 2), i64()));
    const keep = cmp(b, upper ? "ge" : "le", diff, constant(b, i64(), k));
    return select(b, keep, args[0]!, constant(b, args[0]!.type, 0));
  })];
};

const range: Lowering = (c) => {
  const out = resultType(c.op);
  return [elementwise(c.b, [c.req(0), c.req(2)], out, ({ b, args, index, out: et }) =>
    arith(b, "add", args[0]!, arith(b, "mul", indexTo(b, index(0), et), args[1]!)))];
};

const cumSum: Lowering = (c) => {
  const x = c.req(0), out = resultType(c.op), r = out.rank;
  const a = constantNumbers(c.req(1))?.[0];
  if (a === undefined) throw loweringError(c.op, "axis must be a constant");
  const axis = normAxis(c.op, a, r);
  const exclusive = intAttr(c.op, "exclusive", 0) !== 0, reverse = intAttr(c.op, "reverse", 0) !== 0;
  // Loops: out dims, then j over the axis; out[i] = sum over j of (j before-or-at i) ? x[j] : 0.
  const xRes: AffineExpr[] = out.shape.map((_, k) => dim(k === axis ? r : k));
  return [generic(c.b, {
    inputs: [x],
    outputs: [filled(c.b, out, 0)],
    maps: [new AffineMap(r + 1, 0, xRes), ids(r, r + 1)],
    iterators: [...par(r), "reduction"],
    body: ({ b, args, index }) => {
      const i = indexTo(b, index(axis), i64()), j = indexTo(b, index(r), i64());
      const take = cmp(b, reverse ? (exclusive ? "gt" : "ge") : exclusive ? "lt" : "le", j, i);
      return [arith(b, "add", args[1]!, select(b, take, args[0]!, constant(b, args[0]!.type, 0)))];
    },
  })[0]!];
};

/** ArgMax/ArgMin: a reduction carrying (best value, its index); ties keep the first (or last). */
const argReduce = (max: boolean): Lowering => (c) => {
  const x = c.req(0), t = staticType(c.op, x), out = resultType(c.op);
  const axis = normAxis(c.op, intAttr(c.op, "axis", 0), t.rank);
  return [argBest(c.b, x, axis, intAttr(c.op, "keepdims", 1) !== 0, max, intAttr(c.op, "select_last_index", 0) !== 0, out)];
};

/** The index (i64, `out` type) of the largest (smallest) element of `x` along `axis`. */
export function argBest(bld: Builder, x: Value, axis: number, keep: boolean, max: boolean, last: boolean, out: RankedTensorType): Value {
  const t = x.type as RankedTensorType, r = t.rank;
  const outRes: AffineExpr[] = [];
  for (let k = 0; k < r; k++) if (k !== axis) outRes.push(dim(k)); else if (keep) outRes.push(cst(0));
  const valT = RankedTensorType.get(out.shape, t.elementType);
  const isF = t.elementType instanceof FloatType;
  const [, idx] = generic(bld, {
    inputs: [x],
    outputs: [filled(bld, valT, max ? lowest(t.elementType) : highest(t.elementType)), filled(bld, out, -1)],
    maps: [AffineMap.identity(r), new AffineMap(r, 0, outRes), new AffineMap(r, 0, outRes)],
    iterators: t.shape.map((_, k) => (k === axis ? "reduction" : "parallel")),
    body: ({ b, args, index }) => {
      const [v, best, bi] = args as [Value, Value, Value];
      const strict = cmp(b, max ? "gt" : "lt", v, best);
      // The first element always wins the empty accumulator (index -1), so -inf inputs still get an index.
      const unset = cmp(b, "lt", bi, constant(b, i64(), 0));
      let better = emit(b, "arith.ori", [strict, unset], strict.type);
      if (last) better = emit(b, "arith.ori", [better, cmp(b, "eq", v, best)], strict.type);
      if (isF) {
        // A NaN wins and stays (numpy): take v if it is NaN and best is not.
        const vNaN = b.create({ name: "arith.cmpf", operands: [v, v], resultTypes: [strict.type], properties: { predicate: uno() } }).result(0);
        const bNaN = b.create({ name: "arith.cmpf", operands: [best, best], resultTypes: [strict.type], properties: { predicate: uno() } }).result(0);
        const notB = emit(b, "arith.xori", [bNaN, constant(b, strict.type, 1)], strict.type);
        better = emit(b, "arith.ori", [emit(b, "arith.andi", [better, notB], strict.type), emit(b, "arith.andi", [vNaN, notB], strict.type)], strict.type);
      }
      return [select(b, better, v, best), select(b, better, indexTo(b, index(axis), i64()), bi)];
    },
  });
  return idx!;
}

/** arith.cmpf predicate "uno": true when either operand is NaN. */
const uno = () => IntegerAttr.get(14, IntegerType.get(64));

/**
 * TopK with k from the static result type: rank[i] = #{j : x_j beats x_i}, where beating is
 * being larger (smaller) or equal with a lower index; then out[r] = the x_i with rank r.
 */
const topK: Lowering = (c) => {
  const x = c.req(0), t = staticType(c.op, x), vT = c.outType(0), iT = c.outType(1), r = t.rank;
  const axis = normAxis(c.op, intAttr(c.op, "axis", -1), r);
  const largest = intAttr(c.op, "largest", 1) !== 0;
  const rankT = RankedTensorType.get(t.shape, i64());
  const other: AffineExpr[] = t.shape.map((_, k) => dim(k === axis ? r : k));
  const ranks = generic(c.b, {
    inputs: [x, x],
    outputs: [filled(c.b, rankT, 0)],
    maps: [ids(r, r + 1), new AffineMap(r + 1, 0, other), ids(r, r + 1)],
    iterators: [...par(r), "reduction"],
    body: ({ b, args, index }) => {
      const [xi, xj, acc] = args as [Value, Value, Value];
      const beats = cmp(b, largest ? "gt" : "lt", xj, xi);
      const tie = emit(b, "arith.andi", [cmp(b, "eq", xj, xi), cmp(b, "lt", indexTo(b, index(r), i64()), indexTo(b, index(axis), i64()))], beats.type);
      const win = emit(b, "arith.ori", [beats, tie], beats.type);
      return [arith(b, "add", acc, select(b, win, constant(b, i64(), 1), constant(b, i64(), 0)))];
    },
  })[0]!;
  const src: AffineExpr[] = t.shape.map((_, k) => dim(k === axis ? r : k));
  const [vals, idx] = generic(c.b, {
    inputs: [x, ranks],
    outputs: [filled(c.b, vT, 0), filled(c.b, iT, 0)],
    maps: [new AffineMap(r + 1, 0, src), new AffineMap(r + 1, 0, src), ids(r, r + 1), ids(r, r + 1)],
    iterators: [...par(r), "reduction"],
    body: ({ b, args, index }) => {
      const [xi, rk, vAcc, iAcc] = args as [Value, Value, Value, Value];
      const hit = cmp(b, "eq", rk, indexTo(b, index(axis), i64()));
      return [select(b, hit, xi, vAcc), select(b, hit, indexTo(b, index(r), i64()), iAcc)];
    },
  });
  return [vals, idx];
};

const nonZero: Lowering = (c) => {
  throw loweringError(c.op, "its output shape depends on the input values; the input must be a constant (folded before lowering)");
};

export const INDEX_OPS: Record<string, Lowering> = {
  Trilu: trilu, Range: range, CumSum: cumSum, ArgMax: argReduce(true), ArgMin: argReduce(false), TopK: topK, NonZero: nonZero,
};
