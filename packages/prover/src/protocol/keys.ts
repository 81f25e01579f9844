// Preprocessing: layout, fixed batch commitment, verification key.
import type { Circuit } from "../circuit/circuit.js";
import { constraintSystem, type ConstraintSystem } from "../circuit/constraint-system.js";
import { validateCircuit } from "../circuit/validate.js";
import type { FVec } from "../field/index.js";
import type { Digest } from "../hash/index.js";
import { commitValues, type PolyBatch } from "./commit.js";
import { sharedSerialWork } from "./column-work.js";
import { fixedColumns } from "./fixed-columns.js";
import { computeLayout, type Layout } from "./layout.js";
import { assertSecurity, type ProofParams } from "./params.js";
import { vkDigest } from "./vk-format.js";

export interface VerificationKey {
  readonly params: ProofParams;
  readonly cs: ConstraintSystem;
  /** Merkle cap of the fixed batch: user fixed columns, tables, sigma, l_first, l_last, active, public selectors. */
  readonly fixedCap: readonly Digest[];
  /** blake3 over params, constraint system and fixed cap (see docs/formats.md). */
  readonly digest: Digest;
}

export interface ProverKey {
  readonly circuit: Circuit;
  readonly cs: ConstraintSystem;
  readonly layout: Layout;
  readonly params: ProofParams;
  readonly fixed: PolyBatch;
  /** Fixed batch values on the trace domain (length n each). */
  readonly fixedValues: readonly FVec[];
  readonly vk: VerificationKey;
}

export function setup(circuit: Circuit, params: ProofParams, opts: { allowInsecureTest?: boolean } = {}): ProverKey {
  validateCircuit(circuit);
  const cs = constraintSystem(circuit);
  const layout = computeLayout(cs, params);
  assertSecurity(params, layout.logN + params.logBlowup, opts.allowInsecureTest ?? false);
  const fixedValues = fixedColumns(circuit, layout);
  const fixed = commitValues(fixedValues, params.logBlowup, undefined, sharedSerialWork);
  const body = { params, cs, fixedCap: fixed.cap };
  const vk: VerificationKey = { ...body, digest: vkDigest(body) };
  return { circuit, cs, layout, params, fixed, fixedValues, vk };
}
