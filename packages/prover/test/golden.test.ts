// Golden proofs: a fixed circuit and a fixed blinding seed give a fixed proof; its digest catches
// any drift in the transcript, encoding or protocol order. Update deliberately, with a format note.
import { blake3 } from "@noble/hashes/blake3.js";
import { encodeProof, encodeVk, prove, randomCircuit, setup, verifyProof } from "../src/index.js";
import { seededRng } from "../src/util/random.js";
import { ALLOW, TEST_PARAMS } from "./helpers.js";

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

const GOLDEN = {
  vk: "87294ec0faf0f7a514e051cdf9ec9eb12c830b4717b5da4f3d701683ca3af44d",
  proof: "484e2e778b91f6c3ad923b24dbffd989f89672d807dd1da8192d711c823fd055",
};

test("golden proof digest", () => {
  const { circuit, witness } = randomCircuit({ rows: 20, columns: 6, seed: 42 });
  const pk = setup(circuit, TEST_PARAMS, ALLOW);
  const proof = prove(pk, witness, { rng: seededRng(new TextEncoder().encode("golden-v1")) });
  expect(verifyProof(pk.vk, proof, ALLOW)).toEqual({ ok: true });
  expect({ vk: hex(blake3(encodeVk(pk.vk))), proof: hex(blake3(encodeProof(proof))) }).toEqual(GOLDEN);
});
