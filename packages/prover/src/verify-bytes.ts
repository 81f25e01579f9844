// Byte-level verification entry point (CLI `zkmlir verify`, browser): parse strictly, then verify.
import { decodeProof } from "./protocol/proof-format.js";
import { decodeVk } from "./protocol/vk-format.js";
import { verifyProof, type VerifyOptions, type VerifyResult } from "./protocol/verifier.js";

export function verifyProofBytes(proof: Uint8Array, vk: Uint8Array, opts: VerifyOptions = {}): VerifyResult {
  try {
    return verifyProof(decodeVk(vk), decodeProof(proof), opts);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}
