// Index-driven reads and writes without data-dependent addressing: a runtime index selects by
// comparison inside a reduction over the indexed axis (out = the one element whose position
// equals the index; a "one-hot" contraction with select, exact for every element type).
// Constant scalar indices become affine copies instead.
import { AffineMap, cst, dim, IntegerType, RankedTensorType, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import type { IteratorKind } from "@zkmlir/linalg";
import { generic, filled, empty } from "../build/structured.js";
import { gatherCopy, insertCopy, offsetMap } from "../build/reindex.js";
import { arith, cmp, constant, convert, emit, indexTo, select } from "../build/scalar.js";
import { constantOf } from "../util/constants.js";
import { intAttr, stringAttr } from "../util/attrs.js";
import { normAxis, resultType, staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import type { Lowering } from "./lowering.js";

const par = (n: number): IteratorKind[] => Array.from({ length: n }, () => "parallel");

/** An index scalar normalized from [-n, n) to [0, n), compared with loop `d`. */
function indexMatches(b: Builder, idx: Value, n: number, loop: Value): Value {
  const it = idx.type;
  const z = constant(b, it, 0);
  const norm = select(b, cmp(b, "lt", idx, z), arith(b, "add", idx, constant(b, it, n)), idx);
  return cmp(b, "eq", norm, indexTo(b, loop, it));
}

const gather: Lowering = (c) => {
  const data = c.req(0), ind = c.req(1), out = resultType(c.op);
  const dt = staticType(c.op, data), it = staticType(c.op, ind, "indices");
  const axis = normAxis(c.op, intAttr(c.op, "axis", 0), dt.rank);
  const n = dt.shape[axis]!;
  const want = [...dt.shape.slice(0, axis), ...it.shape, ...dt.shape.slice(axis + 1)];
  if (want.join() !== out.shape.join()) throw loweringError(c.op, `result type ${out.key} does not match the gathered shape [${want.join(", ")}]`);
  const known = constantOf(ind);
  if (known && it.rank === 0) {
    let i = Number(known.at(0));
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw loweringError(c.op, `index ${Number(known.at(0))} is out of range for axis size ${n}`);
    const res: AffineExpr[] = dt.shape.map((_, j) => (j < axis ? dim(j) : j === axis ? cst(i) : dim(j - 1)));
    return [gatherCopy(c.b, data, new AffineMap(out.rank, 0, res), out)];
  }
  // Loops: out dims (data[:axis], indices dims, data[axis+1:]) then v over the axis.
  const R = out.rank, v = R;
  const dRes: AffineExpr[] = dt.shape.map((_, j) => (j < axis ? dim(j) : j === axis ? dim(v) : dim(j - 1 + it.rank)));
  const iRes: AffineExpr[] = it.shape.map((_, j) => dim(axis + j));
  return [generic(c.b, {
    inputs: [data, ind],
    outputs: [filled(c.b, out, 0)],
    maps: [new AffineMap(R + 1, 0, dRes), new AffineMap(R + 1, 0, iRes), new AffineMap(R + 1, 0, Array.from({ length: R }, (_, j) => dim(j)))],
    iterators: [...par(R), "reduction"],
    body: ({ b, args, index }) => [select(b, indexMatches(b, args[1]!, n, index(v)), args[0]!, args[2]!)],
  })[0]!];
};

/** data sliced to `shape` on every dim but `axis` (so loop dims match operand dims exactly). */
const fitExceptAxis = (b: Builder, data: Value, shape: readonly number[], axis: number): Value => {
  const dt = data.type as RankedTensorType;
  const want = dt.shape.map((d, j) => (j === axis ? d : shape[j]!));
  return want.every((d, j) => d === dt.shape[j]) ? data : gatherCopy(b, data, offsetMap(want.map(() => 0)), RankedTensorType.get(want, dt.elementType));
};

const gatherElements: Lowering = (c) => {
  const ind = c.req(1), out = resultType(c.op), it = staticType(c.op, ind, "indices");
  const axis = normAxis(c.op, intAttr(c.op, "axis", 0), it.rank);
  const data = fitExceptAxis(c.b, c.req(0), it.shape, axis);
  const n = (data.type as RankedTensorType).shape[axis]!, R = it.rank;
  const dRes = it.shape.map((_, j) => dim(j === axis ? R : j));
  return [generic(c.b, {
    inputs: [data, ind],
    outputs: [filled(c.b, out, 0)],
    maps: [new AffineMap(R + 1, 0, dRes), new AffineMap(R + 1, 0, it.shape.map((_, j) => dim(j))), new AffineMap(R + 1, 0, it.shape.map((_, j) => dim(j)))],
    iterators: [...par(R), "reduction"],
    body: ({ b, args, index }) => [select(b, indexMatches(b, args[1]!, n, index(R)), args[0]!, args[2]!)],
  })[0]!];
};

/** GatherND: out[b.., i.., t..] = data[b.., idx[b.., i.., 0..k-1], t..]; k reduction loops. */
const gatherND: Lowering = (c) => {
  const data = c.req(0), ind = c.req(1), out = resultType(c.op);
  const dt = staticType(c.op, data), it = staticType(c.op, ind, "indices");
  const bd = intAttr(c.op, "batch_dims", 0), k = it.shape[it.rank - 1]!;
  const R = out.rank, L = R + k;
  const lead = it.rank - 1; // out dims taken from the indices' leading dims (batch dims included)
  const dRes: AffineExpr[] = [];
  for (let j = 0; j < dt.rank; j++) dRes.push(j < bd ? dim(j) : j < bd + k ? dim(R + j - bd) : dim(lead + j - bd - k));
  const idxMap = (m: number) => new AffineMap(L, 0, [...Array.from({ length: lead }, (_, j) => dim(j)), cst(m)]);
  return [generic(c.b, {
    inputs: [data, ...Array.from({ length: k }, () => ind)],
    outputs: [filled(c.b, out, 0)],
    maps: [new AffineMap(L, 0, dRes), ...Array.from({ length: k }, (_, m) => idxMap(m)), new AffineMap(L, 0, Array.from({ length: R }, (_, j) => dim(j)))],
    iterators: [...par(R), ...Array.from({ length: k }, () => "reduction" as const)],
    body: ({ b, args, index }) => {
      let all = indexMatches(b, args[1]!, dt.shape[bd]!, index(R));
      for (let m = 1; m < k; m++) all = emit(b, "arith.andi", [all, indexMatches(b, args[1 + m]!, dt.shape[bd + m]!, index(R + m))], all.type);
      return [select(b, all, args[0]!, args[k + 1]!)];
    },
  })[0]!];
};

/**
 * ScatterElements: out starts as data; for each update position u along the axis, out[p]
 * combines updates[p with axis = u] where indices[p with axis = u] == p[axis]. Indices and
 * updates are first padded to data's shape off the axis with an index that never matches.
 */
const scatterElements: Lowering = (c) => {
  const data = c.req(0), out = resultType(c.op), dt = staticType(c.op, data);
  let ind = c.req(1), upd = c.req(2);
  const it = staticType(c.op, ind, "indices");
  if (out !== dt) throw loweringError(c.op, `result type ${out.key} differs from the data type ${dt.key}`);
  const axis = normAxis(c.op, intAttr(c.op, "axis", 0), dt.rank);
  const n = dt.shape[axis]!, U = it.shape[axis]!, R = dt.rank;
  const padded = dt.shape.map((d, j) => (j === axis ? U : d));
  if (padded.some((d, j) => d !== it.shape[j])) {
    const grow = (v: Value, fillV: number) => {
      const t = v.type as RankedTensorType;
      return insertCopy(c.b, v, filled(c.b, RankedTensorType.get(padded, t.elementType), fillV), offsetMap(padded.map(() => 0)));
    };
    ind = grow(ind, n); // n never equals a normalized index in [0, n)
    upd = grow(upd, 0);
  }
  const reduction = stringAttr(c.op, "reduction", "none");
  const kind = { none: undefined, add: "add", mul: "mul", max: "max", min: "min" }[reduction] as "add" | "mul" | "max" | "min" | undefined;
  if (reduction !== "none" && !kind) throw loweringError(c.op, `unsupported reduction '${reduction}'`);
  const uRes = dt.shape.map((_, j) => dim(j === axis ? R : j));
  return [generic(c.b, {
    inputs: [ind, upd],
    outputs: [data], // destination passing: the result is data with the scattered updates
    maps: [new AffineMap(R + 1, 0, uRes), new AffineMap(R + 1, 0, uRes), new AffineMap(R + 1, 0, dt.shape.map((_, j) => dim(j)))],
    iterators: [...par(R), "reduction"],
    body: ({ b, args, index }) => {
      const hit = indexMatches(b, args[0]!, n, index(axis));
      const acc = args[2]!;
      return [select(b, hit, kind ? arith(b, kind, acc, args[1]!) : args[1]!, acc)];
    },
  })[0]!];
};

/**
 * ScatterND: out starts as data; each update position u (the indices' leading dims) writes
 * updates[u, rest] where the k index components of u equal the leading k coordinates of out.
 */
const scatterND: Lowering = (c) => {
  const data = c.req(0), ind = c.req(1), upd = c.req(2), dt = staticType(c.op, data), it = staticType(c.op, ind, "indices");
  const k = it.shape[it.rank - 1]!, q = it.rank - 1, R = dt.rank, L = R + q;
  const reduction = stringAttr(c.op, "reduction", "none");
  const kind = { none: undefined, add: "add", mul: "mul", max: "max", min: "min" }[reduction] as "add" | "mul" | "max" | "min" | undefined;
  if (reduction !== "none" && !kind) throw loweringError(c.op, `unsupported reduction '${reduction}'`);
  const u = Array.from({ length: q }, (_, j) => dim(R + j));
  const idxMap = (m: number) => new AffineMap(L, 0, [...u, cst(m)]);
  const updMap = new AffineMap(L, 0, [...u, ...Array.from({ length: R - k }, (_, j) => dim(k + j))]);
  return [generic(c.b, {
    inputs: [upd, ...Array.from({ length: k }, () => ind)],
    outputs: [data],
    maps: [updMap, ...Array.from({ length: k }, (_, m) => idxMap(m)), new AffineMap(L, 0, Array.from({ length: R }, (_, j) => dim(j)))],
    iterators: [...par(R), ...Array.from({ length: q }, () => "reduction" as const)],
    body: ({ b, args, index }) => {
      let hit = indexMatches(b, args[1]!, dt.shape[0]!, index(0));
      for (let m = 1; m < k; m++) hit = emit(b, "arith.andi", [hit, indexMatches(b, args[1 + m]!, dt.shape[m]!, index(m))], hit.type);
      const acc = args[k + 1]!;
      return [select(b, hit, kind ? arith(b, kind, acc, args[0]!) : args[0]!, acc)];
    },
  })[0]!];
};

/** OneHot: out[.., d at axis, ..] = indices[..] == d ? on : off (values = [off, on]). */
const oneHot: Lowering = (c) => {
  const ind = c.req(0), vals = c.req(2), out = resultType(c.op), it = staticType(c.op, ind, "indices");
  const axis = normAxis(c.op, intAttr(c.op, "axis", -1), out.rank);
  const depth = out.shape[axis]!, R = out.rank;
  const iRes = it.shape.map((_, j) => dim(j < axis ? j : j + 1));
  const at = (k: number) => new AffineMap(R, 0, [cst(k)]);
  return [generic(c.b, {
    inputs: [ind, vals, vals],
    outputs: [empty(c.b, out)],
    maps: [new AffineMap(R, 0, iRes), at(0), at(1), AffineMap.identity(R)],
    iterators: par(R),
    body: ({ b, args, index }) => {
      const idx = args[0]!.type instanceof IntegerType ? args[0]! : convert(b, args[0]!, IntegerType.get(64));
      return [select(b, indexMatches(b, idx, depth, index(axis)), args[2]!, args[1]!)];
    },
  })[0]!];
};

export const GATHERS: Record<string, Lowering> = {
  Gather: gather, GatherElements: gatherElements, GatherND: gatherND, ScatterElements: scatterElements, ScatterND: scatterND, OneHot: oneHot,
};
