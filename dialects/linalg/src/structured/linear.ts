// Affine expressions as linear forms `c + sum(coef[k] * d_k)` when they are (no mod/div of
// dims, no products of dims). Linear accesses are walked incrementally by the interpreter and
// their range over a loop box is known exactly (the extremes are at the box corners).
import type { AffineExpr } from "@zkmlir/core";

export interface LinearForm { readonly coef: number[]; readonly c: number }

export function linearize(e: AffineExpr, nDims: number): LinearForm | undefined {
  switch (e.kind) {
    case "dim": {
      const coef = new Array<number>(nDims).fill(0);
      if (e.pos >= nDims) return undefined;
      coef[e.pos] = 1;
      return { coef, c: 0 };
    }
    case "const": return { coef: new Array<number>(nDims).fill(0), c: e.value };
    case "sym": return undefined;
    case "add": {
      const l = linearize(e.lhs, nDims), r = linearize(e.rhs, nDims);
      if (!l || !r) return undefined;
      return { coef: l.coef.map((x, i) => x + r.coef[i]!), c: l.c + r.c };
    }
    case "mul": {
      const l = linearize(e.lhs, nDims), r = linearize(e.rhs, nDims);
      if (!l || !r) return undefined;
      const isConst = (f: LinearForm) => f.coef.every((x) => x === 0);
      if (isConst(r)) return { coef: l.coef.map((x) => x * r.c), c: l.c * r.c };
      if (isConst(l)) return { coef: r.coef.map((x) => x * l.c), c: l.c * r.c };
      return undefined;
    }
    default: return undefined;
  }
}

/** [min, max] of a linear form over the box 0 <= d_k < bounds[k] (all bounds >= 1). */
export function linearRange(f: LinearForm, bounds: readonly number[]): [number, number] {
  let lo = f.c, hi = f.c;
  f.coef.forEach((a, k) => {
    const ext = a * (bounds[k]! - 1);
    if (ext < 0) lo += ext;
    else hi += ext;
  });
  return [lo, hi];
}
