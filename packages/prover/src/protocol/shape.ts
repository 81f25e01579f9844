// Shape facts shared by prover and verifier: batch widths, opening points per batch, domain sizes.
import type { ConstraintSystem } from "../circuit/constraint-system.js";
import type { Layout } from "./layout.js";
import type { DeepShape } from "./deep.js";
import { SALT_WIDTH } from "./domain.js";

export function batchWidths(cs: ConstraintSystem, lay: Layout): number[] {
  return [lay.fixed.total, cs.advice.length + cs.lookups.length, 3 * lay.numAuxExt, 3 * lay.numChunks];
}

/** Salt values per leaf half: none for the public fixed batch. */
export function saltWidths(): number[] {
  return [0, SALT_WIDTH, SALT_WIDTH, SALT_WIDTH];
}

/** fixed and advice at every rotation; aux at rotations 0 and 1 (indices 0, 1); quotient at 0. */
export function deepShape(cs: ConstraintSystem, lay: Layout): DeepShape {
  const all = lay.rotations.map((_, i) => i);
  return { widths: batchWidths(cs, lay), pointSets: [all, all, [0, 1], [0]], numPoints: lay.rotations.length };
}
