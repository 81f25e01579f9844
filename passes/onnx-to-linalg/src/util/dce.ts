// Erases lowered ops whose results are unused (e.g. the shape computations Reshape no longer
// reads): value-semantics ops of the lowered dialects have no other effect.
import type { Operation } from "@zkmlir/core";

const ERASABLE = new Set(["arith", "math", "tensor", "linalg"]);

export function eraseDeadOps(root: Operation): number {
  let erased = 0;
  for (let changed = true; changed;) {
    changed = false;
    const ops: Operation[] = [];
    root.walk((op) => { ops.push(op); }, "post");
    for (let i = ops.length - 1; i >= 0; i--) {
      const op = ops[i]!;
      if (op === root || !op.parent || !ERASABLE.has(op.dialect) || op.results.length === 0 || op.name === "linalg.yield") continue;
      if (op.parentOp && ERASABLE.has(op.parentOp.dialect) && op.parentOp.name.startsWith("linalg.")) continue; // body ops: the structured op owns them
      if (op.results.some((r) => r.hasUses)) continue;
      op.erase();
      erased++;
      changed = true;
    }
  }
  return erased;
}
