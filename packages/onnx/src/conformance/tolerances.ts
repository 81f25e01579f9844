// Per-op float tolerances for conformance. Default: rtol 1e-4, atol 1e-6 (see exec/compare.ts).
// An op is only listed here with the reason its reference outputs legitimately differ more.
import { DEFAULT_TOLERANCE, type Tolerance } from "../exec/compare.js";
import type { OnnxModel } from "../proto/model.js";

const WIDER: Readonly<Record<string, Tolerance & { readonly why: string }>> = {};

/** The widest tolerance over the op types the model uses. */
export function toleranceFor(model: OnnxModel): Tolerance {
  let { rtol, atol } = DEFAULT_TOLERANCE;
  for (const n of model.graph.nodes) {
    const w = WIDER[n.opType];
    if (w) { rtol = Math.max(rtol, w.rtol); atol = Math.max(atol, w.atol); }
  }
  return { rtol, atol };
}
