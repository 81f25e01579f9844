// Byte-level proving entry point (for a `zkmlir prove` command): circuit and witness files in,
// proof and verification key bytes out. Errors: FormatError (bad files), ConstraintError (the
// witness does not satisfy the circuit, with row and label), ParamsError (preset).
import { decodeCircuit, decodeWitness } from "./circuit/format.js";
import { setup } from "./protocol/keys.js";
import { preset } from "./protocol/params.js";
import { encodeProof } from "./protocol/proof-format.js";
import { prove } from "./protocol/prover.js";
import { encodeVk } from "./protocol/vk-format.js";

export function proveBytes(circuit: Uint8Array, witness: Uint8Array, security = "default"): { proof: Uint8Array; vk: Uint8Array } {
  const c = decodeCircuit(circuit);
  const w = decodeWitness(witness, c);
  const params = preset(security);
  const pk = setup(c, params, { allowInsecureTest: params.name === "insecure-test" });
  return { proof: encodeProof(prove(pk, w)), vk: encodeVk(pk.vk) };
}
