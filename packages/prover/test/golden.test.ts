// Golden proofs: a fixed circuit and a fixed blinding seed give a fixed proof; its digest catches
// any drift in the transcript, encoding or protocol order. Update deliberately, with a format note.
import { blake3 } from "@noble/hashes/blake3.js";
import { encodeProof, encodeVk, prove, randomCircuit, setup, verifyProof } from "../src/index.js";
import { seededRng } from "../src/util/random.js";
import { ALLOW, TEST_PARAMS } from "./helpers.js";

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

const GOLDEN = {
  vk: "a462bd6fa1a1493af68ff31465fe52f3364db0008c3bfb1703f9080055b92f47",
  proof: "9c679d78ab2ddc01b03f3defe350edadf7879309ca44feeb55e3391c43f450ad",
};

test("golden proof digest", () => {
  const { circuit, witness } = randomCircuit({ rows: 20, columns: 6, seed: 42 });
  const pk = setup(circuit, TEST_PARAMS, ALLOW);
  const proof = prove(pk, witness, { rng: seededRng(new TextEncoder().encode("golden-v1")) });
  expect(verifyProof(pk.vk, proof, ALLOW)).toEqual({ ok: true });
  expect({ vk: hex(blake3(encodeVk(pk.vk))), proof: hex(blake3(encodeProof(proof))) }).toEqual(GOLDEN);
});
