// Maps with mod/floordiv (grouped convolutions, channel shuffles, partial-dimension copies) split
// into a linear part, walked incrementally, and a non-linear part over the few loops it reads,
// recomputed only when one of those loops moves. The access is proved in bounds for the whole
// loop box by interval arithmetic; when the proof fails (it may be conservative) the caller
// keeps the per-point checked path, which reports the exact out-of-bounds point.
import { compileExpr, shapeStrides, type AffineExpr, type AffineMap } from "@zkmlir/core";
import { linearize, linearRange, type LinearForm } from "../structured/linear.js";

/** offset = base + sum(stride[k] * i_k over linear loops) + extra(i); stride is NaN for the loops `extra` reads. */
export interface SplitAccess {
  readonly base: number;
  readonly stride: readonly number[];
  readonly extra?: (idx: ArrayLike<number>) => number;
}

function terms(e: AffineExpr): AffineExpr[] {
  return e.kind === "add" ? [...terms(e.lhs), ...terms(e.rhs)] : [e];
}

function dimsOf(e: AffineExpr, out: Set<number>): Set<number> {
  if (e.kind === "dim") out.add(e.pos);
  else if (e.kind !== "const" && e.kind !== "sym") { dimsOf(e.lhs, out); dimsOf(e.rhs, out); }
  return out;
}

type Range = [number, number];
/** A superset of the values of `e` over 0 <= d_k < bounds[k], or undefined. */
export function interval(e: AffineExpr, bounds: readonly number[]): Range | undefined {
  switch (e.kind) {
    case "dim": return [0, bounds[e.pos]! - 1];
    case "const": return [e.value, e.value];
    case "sym": return undefined;
    default: {
      const l = interval(e.lhs, bounds), r = interval(e.rhs, bounds);
      if (!l || !r) return undefined;
      if (e.kind === "add") return [l[0] + r[0], l[1] + r[1]];
      if (e.kind === "mul") {
        const c = r[0] === r[1] ? r[0] : l[0] === l[1] ? l[0] : undefined;
        const x = r[0] === r[1] ? l : r;
        if (c === undefined) return undefined;
        return c >= 0 ? [x[0] * c, x[1] * c] : [x[1] * c, x[0] * c];
      }
      if (r[0] !== r[1] || r[0] <= 0) return undefined;
      const c = r[0];
      if (e.kind === "mod") return l[0] >= 0 && l[1] < c ? l : [0, c - 1];
      if (e.kind === "floordiv") return [Math.floor(l[0] / c), Math.floor(l[1] / c)];
      return [Math.ceil(l[0] / c), Math.ceil(l[1] / c)];
    }
  }
}

const sum = (es: readonly AffineExpr[]): AffineExpr | undefined =>
  es.length === 0 ? undefined : es.slice(1).reduce<AffineExpr>((a, b) => ({ kind: "add", lhs: a, rhs: b }), es[0]!);

/** The split of a map with non-linear results, or undefined (not provably in bounds, or symbols). */
export function planSplitAccess(map: AffineMap, shape: readonly number[], bounds: readonly number[]): SplitAccess | undefined {
  const n = bounds.length;
  if (bounds.some((b) => b === 0) || map.numSymbols > 0) return undefined;
  const ts = shapeStrides(shape);
  const nonLinear = new Set<number>();
  // A term reading a non-linear loop goes to the non-linear part whole, so its loops join the set.
  for (let grew = true; grew;) {
    grew = false;
    for (const e of map.results) for (const t of terms(e)) {
      const ds = [...dimsOf(t, new Set())];
      if ((!linearize(t, n) || ds.some((k) => nonLinear.has(k))) && ds.some((k) => !nonLinear.has(k))) {
        ds.forEach((k) => nonLinear.add(k));
        grew = true;
      }
    }
  }
  const stride = new Array<number>(n).fill(0);
  let base = 0;
  const extras: { f: (d: ArrayLike<number>, s: ArrayLike<number>) => number; scale: number }[] = [];
  for (let j = 0; j < map.results.length; j++) {
    const lin: LinearForm[] = [];
    const rest: AffineExpr[] = [];
    for (const t of terms(map.results[j]!)) {
      const f = linearize(t, n);
      if (f && ![...dimsOf(t, new Set())].some((k) => nonLinear.has(k))) lin.push(f);
      else rest.push(t);
    }
    const l: LinearForm = { coef: new Array<number>(n).fill(0).map((_, k) => lin.reduce((a, f) => a + f.coef[k]!, 0)), c: lin.reduce((a, f) => a + f.c, 0) };
    const [llo, lhi] = linearRange(l, bounds);
    const r = sum(rest);
    const rr = r ? interval(r, bounds) : [0, 0] as Range;
    if (!rr || llo + rr[0] < 0 || lhi + rr[1] >= shape[j]!) return undefined;
    base += l.c * ts[j]!;
    l.coef.forEach((c, k) => { stride[k] = stride[k]! + c * ts[j]!; });
    if (r) extras.push({ f: compileExpr(r), scale: ts[j]! });
  }
  for (const k of nonLinear) stride[k] = NaN;
  if (!extras.length) return { base, stride };
  const none: number[] = [];
  return { base, stride, extra: (idx) => { let o = 0; for (const x of extras) o += x.f(idx, none) * x.scale; return o; } };
}
