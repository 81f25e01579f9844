// Iterates a loop box in row-major order, keeping each operand's element offset current.
// `visit` is called once per point with the offsets; `idx` holds the loop indices (read by
// linalg.index while the body runs).
import type { AccessPlan } from "./access-plan.js";

export function runLoopNest(bounds: readonly number[], plans: readonly AccessPlan[], idx: number[], visit: (off: number[]) => void): void {
  const n = bounds.length;
  for (let k = 0; k < n; k++) {
    if (bounds[k] === 0) return;
    idx[k] = 0;
  }
  const m = plans.length;
  const off = new Array<number>(m).fill(0);
  const general: number[] = [];
  const linear: number[] = [];
  for (let o = 0; o < m; o++) {
    const p = plans[o]!;
    if (p.kind === "linear") { off[o] = p.base; linear.push(o); }
    else if (p.kind === "general") general.push(o);
  }
  const strides = plans.map((p) => (p.kind === "linear" ? p.stride : []));
  for (;;) {
    for (const o of general) off[o] = (plans[o] as Extract<AccessPlan, { kind: "general" }>).offset(idx);
    visit(off);
    // Odometer increment, innermost loop fastest.
    let k = n - 1;
    for (; k >= 0; k--) {
      const next = idx[k]! + 1;
      if (next < bounds[k]!) {
        idx[k] = next;
        for (const o of linear) off[o] = off[o]! + strides[o]![k]!;
        break;
      }
      idx[k] = 0;
      for (const o of linear) off[o] = off[o]! - strides[o]![k]! * (bounds[k]! - 1);
    }
    if (k < 0) return;
  }
}
