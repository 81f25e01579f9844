// A lattice of per-value states for a sparse dataflow analysis (MLIR's AbstractSparseLattice).
// Bottom ("uninitialized": nothing known to flow yet) is the absence of a state in the solver;
// top ("unknown": any value of the type) is `top(value)`, which must absorb every join.
import type { Value } from "../ir/value.js";

export interface Lattice<S> {
  /** Least upper bound of two states of the same value. */
  join(a: S, b: S): S;
  equals(a: S, b: S): boolean;
  /** The unknown (top) state of `v`: it may depend on the value's type (a range's width). */
  top(v: Value): S;
  /**
   * Widening, applied to a block argument once its state has changed `widenAfter` times (so
   * loops terminate even on lattices of great height). Defaults to `top`.
   */
  widen?(previous: S, next: S, v: Value): S;
  /** Human-readable state (debug output, errors). */
  format?(s: S): string;
}
