// Golden proofs: a fixed circuit and a fixed blinding seed give a fixed proof; its digest catches
// any drift in the transcript, encoding or protocol order. Update deliberately, with a format note.
import { blake3 } from "@noble/hashes/blake3.js";
import { encodeProof, encodeVk, prove, randomCircuit, setup, verifyProof } from "../src/index.js";
import { seededRng } from "../src/util/random.js";
import { ALLOW, TEST_PARAMS } from "./helpers.js";

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

// Last changed by format version 2 (the version word is in both encodings), which marks the masked
// quotient split: blinding rows R (2q + 3) + 1 and chunks at stride n - h with random masks.
const GOLDEN = {
  vk: "2ca789bc366d1c3793cb7ea9b3452e62ea0b14730813dfbc3a31336b1ccd8432",
  proof: "8ac62debc79fe1f4aa2f2c0347c102f69455cfb59c6b7ffd6ecd5273bdf6e48b",
};

test("golden proof digest", () => {
  const { circuit, witness } = randomCircuit({ rows: 20, columns: 6, seed: 42 });
  const pk = setup(circuit, TEST_PARAMS, ALLOW);
  const proof = prove(pk, witness, { rng: seededRng(new TextEncoder().encode("golden-v1")) });
  expect(verifyProof(pk.vk, proof, ALLOW)).toEqual({ ok: true });
  expect({ vk: hex(blake3(encodeVk(pk.vk))), proof: hex(blake3(encodeProof(proof))) }).toEqual(GOLDEN);
});
