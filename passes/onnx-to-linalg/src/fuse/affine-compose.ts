// Affine map composition for fusion: substitute a producer's loop dims by the consumer's
// expressions for them.
import { AffineMap, bin, type AffineExpr } from "@zkmlir/core";

export function substitute(e: AffineExpr, dims: readonly AffineExpr[]): AffineExpr {
  switch (e.kind) {
    case "dim": return dims[e.pos]!;
    case "sym": case "const": return e;
    default: return bin(e.kind, substitute(e.lhs, dims), substitute(e.rhs, dims));
  }
}

/** `inner ∘ outer`: outer maps consumer loops to producer loops, inner producer loops to an operand. */
export function compose(inner: AffineMap, outer: AffineMap): AffineMap {
  return new AffineMap(outer.numDims, 0, inner.results.map((e) => substitute(e, outer.results)));
}

/** Whether every loop appears alone as some map's result (so loop extents follow from shapes). */
export function everyLoopPure(maps: readonly AffineMap[], numLoops: number): boolean {
  const seen = new Array<boolean>(numLoops).fill(false);
  for (const m of maps) for (const e of m.results) if (e.kind === "dim") seen[e.pos] = true;
  return seen.every(Boolean);
}
