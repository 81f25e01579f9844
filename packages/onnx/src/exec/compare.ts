// Output comparison for conformance: |got - want| <= atol + rtol*|want| for floats,
// exact for integers and bools; NaN equals NaN, infinities must match exactly.
import type { Tensor } from "@zkmlir/core";

export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/** Default float tolerance (float32 reference kernels computing in float64). */
export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-4, atol: 1e-6 };

export interface Comparison {
  readonly ok: boolean;
  /** Largest |got - want| over finite elements (0 for exact matches). */
  readonly maxError: number;
  /** Why it failed (first mismatch), or "" when ok. */
  readonly detail: string;
}

export function compareTensors(got: Tensor, want: Tensor, tol: Tolerance = DEFAULT_TOLERANCE): Comparison {
  if (got.dtype !== want.dtype) return fail(`dtype ${got.dtype}, expected ${want.dtype}`);
  if (got.shape.length !== want.shape.length || got.shape.some((d, i) => d !== want.shape[i])) {
    return fail(`shape [${got.shape.join(", ")}], expected [${want.shape.join(", ")}]`);
  }
  let maxError = 0;
  let firstBad = -1;
  const float = got.dtype === "f32" || got.dtype === "f64";
  for (let i = 0; i < want.size; i++) {
    const g = got.data[i]!;
    const w = want.data[i]!;
    if (!float) {
      if (g !== w) {
        const err = Math.abs(Number(g) - Number(w));
        if (err > maxError || firstBad < 0) maxError = Math.max(maxError, err);
        if (firstBad < 0) firstBad = i;
      }
      continue;
    }
    const gn = g as number;
    const wn = w as number;
    if (Number.isNaN(wn) || Number.isNaN(gn) || !Number.isFinite(wn) || !Number.isFinite(gn)) {
      if (!Object.is(gn, wn) && !(gn === wn)) {
        if (firstBad < 0) firstBad = i;
        maxError = Infinity;
      }
      continue;
    }
    const err = Math.abs(gn - wn);
    if (err > maxError) maxError = err;
    if (err > tol.atol + tol.rtol * Math.abs(wn) && firstBad < 0) firstBad = i;
  }
  if (firstBad < 0) return { ok: true, maxError, detail: "" };
  return { ok: false, maxError, detail: `element ${firstBad}: got ${got.data[firstBad]}, expected ${want.data[firstBad]}` };
}

function fail(detail: string): Comparison {
  return { ok: false, maxError: Infinity, detail };
}
