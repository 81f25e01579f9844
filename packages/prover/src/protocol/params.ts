// Proof parameters and their conjectured security (formula and sources in docs/security.md).
import { ParamsError } from "../errors.js";

export interface ProofParams {
  /** Preset name; "insecure-test" is the only name allowed below the security floor. */
  readonly name: string;
  /** log2 of the FRI blowup (rate 2^-logBlowup). */
  readonly logBlowup: number;
  readonly numQueries: number;
  readonly grindingBits: number;
  /** FRI stops folding when the degree bound is at most 2^finalLogLen and sends that polynomial. */
  readonly finalLogLen: number;
}

export const INSECURE_TEST_NAME = "insecure-test";
export const MIN_SECURE_BITS = 100;
/** blake3-256 collision resistance. */
export const HASH_BITS = 128;
/** log2 |F_p^3| rounded down. */
export const EXT_FIELD_BITS = 191;

export const PRESETS = {
  /** >= 100 bits: blowup 8, 28 queries, 16 grinding bits. */
  default: { name: "default", logBlowup: 3, numQueries: 28, grindingBits: 16, finalLogLen: 3 },
  /** >= 100 bits with half the LDE memory: blowup 4, 42 queries, 16 grinding bits (larger proofs). */
  lowmem100: { name: "lowmem100", logBlowup: 2, numQueries: 42, grindingBits: 16, finalLogLen: 3 },
  /** >= 128 bits: blowup 8, 38 queries, 16 grinding bits. */
  secure128: { name: "secure128", logBlowup: 3, numQueries: 38, grindingBits: 16, finalLogLen: 3 },
  /** Fast and INSECURE (about 8 bits): for tests only; the verifier refuses it unless told. */
  "insecure-test": { name: INSECURE_TEST_NAME, logBlowup: 1, numQueries: 6, grindingBits: 2, finalLogLen: 2 },
} as const satisfies Record<string, ProofParams>;

export type PresetName = keyof typeof PRESETS;

export function preset(name: string): ProofParams {
  const p = (PRESETS as Record<string, ProofParams>)[name];
  if (p === undefined) throw new ParamsError(`unknown security preset '${name}' (known: ${Object.keys(PRESETS).join(", ")})`);
  return p;
}

/**
 * Conjectured bits: queries * logBlowup + grinding (FRI, conjectured list-decoding regime),
 * capped by the extension-field terms (DEEP/batching/ALI errors ~ 2^(logLde + 8) / |F_p^3|)
 * and by the hash's collision resistance.
 */
export function securityBits(p: ProofParams, logLdeSize: number): number {
  const fri = p.numQueries * p.logBlowup + p.grindingBits;
  const field = EXT_FIELD_BITS - logLdeSize - 8;
  return Math.min(fri, field, HASH_BITS);
}

export function validateParams(p: ProofParams): void {
  const ok =
    Number.isInteger(p.logBlowup) && p.logBlowup >= 1 && p.logBlowup <= 6 &&
    Number.isInteger(p.numQueries) && p.numQueries >= 1 && p.numQueries <= 256 &&
    Number.isInteger(p.grindingBits) && p.grindingBits >= 0 && p.grindingBits <= 30 &&
    Number.isInteger(p.finalLogLen) && p.finalLogLen >= 0 && p.finalLogLen <= 10;
  if (!ok) throw new ParamsError(`invalid proof parameters ${JSON.stringify(p)}`);
}

/** Refuses parameters below the floor unless they are the named insecure test preset and the caller allows it. */
export function assertSecurity(p: ProofParams, logLdeSize: number, allowInsecureTest: boolean): void {
  validateParams(p);
  const bits = securityBits(p, logLdeSize);
  if (bits >= MIN_SECURE_BITS) return;
  if (p.name === INSECURE_TEST_NAME && allowInsecureTest) return;
  throw new ParamsError(
    `parameters '${p.name}' give ${bits} conjectured bits, below the ${MIN_SECURE_BITS}-bit floor` +
      (p.name === INSECURE_TEST_NAME ? " (insecure test preset not allowed here)" : ""),
  );
}
