// Golden proofs: a fixed circuit and a fixed blinding seed give a fixed proof; its digest catches
// any drift in the transcript, encoding or protocol order. Update deliberately, with a format note.
import { blake3 } from "@noble/hashes/blake3.js";
import { encodeProof, encodeVk, prove, randomCircuit, setup, verifyProof } from "../src/index.js";
import { seededRng } from "../src/util/random.js";
import { ALLOW, TEST_PARAMS } from "./helpers.js";

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

// Last changed by the masked quotient split: blinding rows R (2q + 3) + 1 (usable rows, hence the
// fixed active/l_last columns and the key), chunks at stride n - h with random masks (the proof).
const GOLDEN = {
  vk: "14995a6396b3ba7d5dddd0361b6ed0b11295e079ec101883adefdae303496e89",
  proof: "2ca1b1220eba08c301241d297477d73851b75a75f8a0199d75f6599a8eaf7946",
};

test("golden proof digest", () => {
  const { circuit, witness } = randomCircuit({ rows: 20, columns: 6, seed: 42 });
  const pk = setup(circuit, TEST_PARAMS, ALLOW);
  const proof = prove(pk, witness, { rng: seededRng(new TextEncoder().encode("golden-v1")) });
  expect(verifyProof(pk.vk, proof, ALLOW)).toEqual({ ok: true });
  expect({ vk: hex(blake3(encodeVk(pk.vk))), proof: hex(blake3(encodeProof(proof))) }).toEqual(GOLDEN);
});
