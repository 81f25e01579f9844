// Constants shared by prover and verifier that fix the evaluation domains and leaf layout.
import { GENERATOR } from "../field/index.js";

/** Shift of every LDE and quotient coset (not in the trace subgroup, so x^n != 1 there). */
export const COSET_SHIFT = GENERATOR;

/** Random 32-bit values appended to every leaf half of witness-derived batches (hiding of unopened leaves). */
export const SALT_WIDTH = 4;
