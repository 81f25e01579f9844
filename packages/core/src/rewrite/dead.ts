// Trivial deadness (MLIR's isOpTriviallyDead): an op can be erased when nothing uses its results
// and erasing it removes no effect. Only `Pure` is trusted as "no effect": unregistered ops and
// ops without the trait are kept. Terminators are never dead (their block needs them).
import type { Operation } from "../ir/operation.js";

/** True when `op` and every op nested in it have no side effects. */
export function wouldOpBeTriviallyDead(op: Operation): boolean {
  if (op.hasTrait("Terminator")) return false;
  return hasNoEffects(op);
}

function hasNoEffects(op: Operation): boolean {
  if (!op.hasTrait("Pure")) return false;
  // A Pure op with regions is effect-free only if its bodies are (MLIR's recursive effects).
  for (const r of op.regions) {
    for (const b of r.blocks) {
      for (let n = b.first; n; n = n.next) {
        if (!hasNoEffects(n) && !n.hasTrait("ReturnLike") && !n.hasTrait("Terminator")) return false;
      }
    }
  }
  return true;
}

export function isOpTriviallyDead(op: Operation): boolean {
  for (const r of op.results) if (r.hasUses) return false;
  return wouldOpBeTriviallyDead(op);
}
