// How one operand is addressed in the loop nest: a linear offset updated incrementally
// (`base + sum(stride[k] * i_k)`), or, for maps with mod/floordiv, the compiled map evaluated at
// each point. Linear plans are bounds-checked once for the whole loop box.
import { printExpr, shapeStrides, type AffineMap } from "@zkmlir/core";
import { linearize, linearRange } from "../structured/linear.js";

export type AccessPlan =
  | { readonly kind: "scalar" }
  | { readonly kind: "linear"; readonly base: number; readonly stride: readonly number[] }
  | { readonly kind: "general"; readonly offset: (idx: readonly number[]) => number };

export class AccessError extends Error {
  override name = "AccessError";
}

export function planAccess(opName: string, operand: number, map: AffineMap, shape: readonly number[] | undefined, bounds: readonly number[]): AccessPlan {
  if (!shape) return { kind: "scalar" };
  const n = bounds.length;
  const ts = shapeStrides(shape);
  const forms = map.results.map((e) => linearize(e, n));
  const empty = bounds.some((b) => b === 0);
  if (forms.every((f) => f !== undefined)) {
    const stride = new Array<number>(n).fill(0);
    let base = 0;
    forms.forEach((f, j) => {
      if (!empty) {
        const [lo, hi] = linearRange(f!, bounds);
        if (lo < 0 || hi >= shape[j]!) throw new AccessError(`${opName}: operand #${operand} dimension ${j} (size ${shape[j]}) is indexed by '${printExpr(map.results[j]!)}' in [${lo}, ${hi}]`);
      }
      base += f!.c * ts[j]!;
      f!.coef.forEach((c, k) => { stride[k] = stride[k]! + c * ts[j]!; });
    });
    return { kind: "linear", base, stride };
  }
  const f = map.compile();
  return {
    kind: "general",
    offset: (idx) => {
      const r = f(idx);
      let off = 0;
      for (let j = 0; j < r.length; j++) {
        const v = r[j]!;
        if (v < 0 || v >= shape[j]!) throw new AccessError(`${opName}: operand #${operand} dimension ${j} (size ${shape[j]}) indexed at ${v} by '${printExpr(map.results[j]!)}'`);
        off += v * ts[j]!;
      }
      return off;
    },
  };
}
