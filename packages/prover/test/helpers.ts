// Shared test helpers: the insecure test preset (allowed explicitly), small proofs, tampering.
import {
  preset, prove, randomCircuit, setup, verifyProof, type Circuit, type Proof, type ProverKey, type VerifyResult, type Witness,
} from "../src/index.js";
import { seededRng } from "../src/util/random.js";

export const TEST_PARAMS = preset("insecure-test");
export const ALLOW = { allowInsecureTest: true } as const;

export function small(rows = 24, columns = 6, seed = 1): { circuit: Circuit; witness: Witness; pk: ProverKey } {
  const { circuit, witness } = randomCircuit({ rows, columns, seed });
  return { circuit, witness, pk: setup(circuit, TEST_PARAMS, ALLOW) };
}

export function proveOk(pk: ProverKey, w: Witness, seed?: string): Proof {
  return prove(pk, w, seed === undefined ? {} : { rng: seededRng(new TextEncoder().encode(seed)) });
}

export function check(pk: ProverKey, proof: Proof): VerifyResult {
  return verifyProof(pk.vk, proof, ALLOW);
}

/** Deep copy of the witness so tests can break one cell. */
export function cloneWitness(w: Witness): { advice: BigUint64Array[] } {
  return { advice: w.advice.map((c) => c.slice()) };
}

export const P_MOD = 0xffff_ffff_0000_0001n;
