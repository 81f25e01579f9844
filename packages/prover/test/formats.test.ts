// Binary formats of circuits, witnesses and verification keys: round trips and strict rejection.
import {
  ConstraintError, FormatError, checkCircuit, proveBytes, verifyProofBytes, decodeCircuit, decodeProof, decodeVk, decodeWitness, encodeCircuit, encodeVk, encodeWitness,
} from "../src/index.js";
import { testRandom } from "../src/bench/random-circuit.js";
import { small } from "./helpers.js";

describe("circuit and witness format", () => {
  const { circuit, witness, pk } = small(24, 6, 4);
  const bytes = encodeCircuit(circuit);

  test("round trip keeps the circuit (same key digest) and the witness", () => {
    const back = decodeCircuit(bytes);
    expect(encodeCircuit(back)).toEqual(bytes);
    expect(back.rowLabels).toEqual(circuit.rowLabels);
    const w = decodeWitness(encodeWitness(witness), back);
    expect(checkCircuit(back, w)).toBeNull();
  });

  test("every truncation is a FormatError", () => {
    for (let len = 0; len < bytes.length; len += 7) expect(() => decodeCircuit(bytes.subarray(0, len))).toThrow(FormatError);
  });

  test("random corruption is either still a valid circuit or a FormatError, never another exception", () => {
    const rnd = testRandom(3);
    for (let i = 0; i < 400; i++) {
      const bad = bytes.slice();
      bad[Number(rnd() % BigInt(bad.length))] ^= 1 << Number(rnd() % 8n);
      try {
        decodeCircuit(bad);
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
      }
    }
  });

  test("bad magic, version, trailing bytes and a wrong-shape witness", () => {
    const bad = bytes.slice();
    bad[0] ^= 1;
    expect(() => decodeCircuit(bad)).toThrow(/bad magic/);
    const v2 = bytes.slice();
    v2[4] = 3;
    expect(() => decodeCircuit(v2)).toThrow(/version 3/);
    const longer = new Uint8Array(bytes.length + 2);
    longer.set(bytes);
    expect(() => decodeCircuit(longer)).toThrow(/2 trailing bytes/);
    const w = encodeWitness({ advice: witness.advice.slice(1) });
    expect(() => decodeWitness(w, circuit)).toThrow(FormatError);
  });

  test("verification key: round trip, and any flipped bit is rejected", () => {
    const vkBytes = encodeVk(pk.vk);
    const back = decodeVk(vkBytes);
    expect(back.digest).toEqual(pk.vk.digest);
    expect(encodeVk(back)).toEqual(vkBytes);
    for (let pos = 0; pos < vkBytes.length; pos++) {
      const bad = vkBytes.slice();
      bad[pos] ^= 1 << pos % 8;
      expect(() => decodeVk(bad)).toThrow(FormatError);
    }
  });
});

test("random byte strings (with valid magic and version) are FormatErrors for every decoder", () => {
  const { circuit } = small(16, 6, 9);
  const rnd = testRandom(17);
  const magics = [0x4352_4b5a, 0x5457_4b5a, 0x4b56_4b5a, 0x5250_4b5a];
  const decoders: ((b: Uint8Array) => unknown)[] = [decodeCircuit, (b) => decodeWitness(b, circuit), decodeVk, decodeProof];
  for (let i = 0; i < 400; i++) {
    const k = i % 4;
    const len = 8 + Number(rnd() % 300n);
    const b = new Uint8Array(len);
    for (let j = 0; j < len; j++) b[j] = Number(rnd() % (i % 3 === 0 ? 4n : 256n));
    const dv = new DataView(b.buffer);
    dv.setUint32(0, magics[k]!, true);
    dv.setUint32(4, 1, true);
    expect(() => decoders[k]!(b)).toThrow(FormatError);
  }
});

test("proveBytes: circuit and witness files in, proof and key bytes out", () => {
  const { circuit, witness } = small(16, 6, 10);
  const { proof, vk } = proveBytes(encodeCircuit(circuit), encodeWitness(witness), "insecure-test");
  expect(verifyProofBytes(proof, vk, { allowInsecureTest: true })).toEqual({ ok: true });
  const bad = { advice: witness.advice.map((c) => c.slice()) };
  bad.advice[0]![1]! ^= 1n;
  expect(() => proveBytes(encodeCircuit(circuit), encodeWitness(bad), "insecure-test")).toThrow(ConstraintError);
  expect(() => proveBytes(encodeCircuit(circuit).subarray(3), encodeWitness(witness))).toThrow(FormatError);
});
