// Rewrites a nest's maps so more of them are linear, without changing the points or their order:
// `x mod c` and `x floordiv c` fold when x is known to lie in [0, c) over the loop box, and a loop
// d (size a multiple of c) read as `d floordiv c` / `d mod c` becomes two loops (hi, lo) with
// d = hi * c + lo, visited in the same row-major order (reshape-like copies become linear).
import { AffineMap, type AffineExpr } from "@zkmlir/core";
import { interval } from "./split-access.js";

export interface RefinedNest { readonly maps: readonly AffineMap[]; readonly bounds: readonly number[] }

function simplify(e: AffineExpr, bounds: readonly number[]): AffineExpr {
  if (e.kind === "dim" || e.kind === "const" || e.kind === "sym") return e;
  const lhs = simplify(e.lhs, bounds), rhs = simplify(e.rhs, bounds);
  if ((e.kind === "mod" || e.kind === "floordiv") && rhs.kind === "const" && rhs.value > 0) {
    const r = interval(lhs, bounds);
    if (r && r[0] >= 0 && r[1] < rhs.value) return e.kind === "mod" ? lhs : { kind: "const", value: 0 };
  }
  return { kind: e.kind, lhs, rhs };
}

/** For each loop read directly as `d mod c` or `d floordiv c`: the constants c it is divided by. */
function divisors(e: AffineExpr, out: Map<number, Set<number>>): void {
  if (e.kind === "dim" || e.kind === "const" || e.kind === "sym") return;
  if ((e.kind === "mod" || e.kind === "floordiv") && e.lhs.kind === "dim" && e.rhs.kind === "const") {
    const s = out.get(e.lhs.pos) ?? new Set<number>();
    s.add(e.rhs.value);
    out.set(e.lhs.pos, s);
    return;
  }
  divisors(e.lhs, out);
  divisors(e.rhs, out);
}

function substitute(e: AffineExpr, pos: readonly number[], split: ReadonlyMap<number, number>): AffineExpr {
  switch (e.kind) {
    case "const": case "sym": return e;
    case "dim": {
      const c = split.get(e.pos), p = pos[e.pos]!;
      if (c === undefined) return { kind: "dim", pos: p };
      return { kind: "add", lhs: { kind: "mul", lhs: { kind: "dim", pos: p }, rhs: { kind: "const", value: c } }, rhs: { kind: "dim", pos: p + 1 } };
    }
    default: {
      if ((e.kind === "mod" || e.kind === "floordiv") && e.lhs.kind === "dim" && e.rhs.kind === "const" && split.get(e.lhs.pos) === e.rhs.value) {
        return { kind: "dim", pos: pos[e.lhs.pos]! + (e.kind === "mod" ? 1 : 0) };
      }
      return { kind: e.kind, lhs: substitute(e.lhs, pos, split), rhs: substitute(e.rhs, pos, split) };
    }
  }
}

export function refineLoops(maps: readonly AffineMap[], bounds: readonly number[]): RefinedNest {
  if (maps.every((m) => m.results.every((e) => !hasDivision(e)))) return { maps, bounds };
  const simple = maps.map((m) => new AffineMap(m.numDims, m.numSymbols, m.results.map((e) => simplify(e, bounds))));
  const found = new Map<number, Set<number>>();
  simple.forEach((m) => m.results.forEach((e) => divisors(e, found)));
  const split = new Map<number, number>();
  for (const [k, cs] of found) {
    const c = [...cs][0]!;
    if (cs.size === 1 && c > 1 && bounds[k]! > c && bounds[k]! % c === 0) split.set(k, c);
  }
  if (!split.size) return { maps: simple, bounds };
  const pos: number[] = [];
  const nb: number[] = [];
  bounds.forEach((b, k) => {
    pos.push(nb.length);
    const c = split.get(k);
    if (c === undefined) nb.push(b);
    else nb.push(b / c, c);
  });
  return { maps: simple.map((m) => new AffineMap(nb.length, m.numSymbols, m.results.map((e) => substitute(e, pos, split)))), bounds: nb };
}

function hasDivision(e: AffineExpr): boolean {
  if (e.kind === "dim" || e.kind === "const" || e.kind === "sym") return false;
  return e.kind === "mod" || e.kind === "floordiv" || e.kind === "ceildiv" || hasDivision(e.lhs) || hasDivision(e.rhs);
}
