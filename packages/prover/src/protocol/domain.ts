// Constants shared by prover and verifier that fix the evaluation domains and leaf layout.
import { GENERATOR } from "../field/index.js";

/** Shift of every LDE and quotient coset (not in the trace subgroup, so x^n != 1 there). */
export const COSET_SHIFT = GENERATOR;

/** Merkle trees commit to their 2^CAP_HEIGHT nodes at that height (fewer siblings per opening). */
export const CAP_HEIGHT = 4;

/** Cap size of a tree of 2^depth leaves. */
export function capSize(depth: number): number {
  return 1 << Math.min(CAP_HEIGHT, depth);
}

/** Random 32-bit values appended to every leaf half of witness-derived batches (hiding of unopened leaves). */
export const SALT_WIDTH = 4;
