// Soundness: broken witnesses are refused by the prover and, with the checker bypassed, rejected
// by the verifier; cheating quotients, changed or replayed public inputs and foreign keys fail.
import {
  ConstraintError, ParamsError, encodeProof, encodeVk, preset, prove, setup,
  verifyProof, verifyProofBytes, type Witness,
} from "../src/index.js";
import { ALLOW, P_MOD, TEST_PARAMS, check, cloneWitness, proveOk, small } from "./helpers.js";
import { productCircuit } from "./product-circuit.js";

type Mutable = { advice: BigUint64Array[] };

describe("a witness that breaks a constraint cannot produce an accepted proof", () => {
  const { witness, pk } = small(32, 6, 7);
  const cases: [string, (w: Mutable) => void][] = [
    ["dot gate (rotation)", (w) => void (w.advice[0]![1]! ^= 1n)],
    ["multiply-add gate", (w) => void (w.advice[2]![5]! += 1n)],
    ["degree-7 gate", (w) => void (w.advice[1]![6]! += 1n)],
    ["boolean gate", (w) => void (w.advice[3]![6] = 2n)],
    ["copy constraint", (w) => void (w.advice[5]![11]! += 1n)],
    ["range lookup", (w) => void (w.advice[0]![7] = 1000n)],
    ["function lookup (2 columns)", (w) => void (w.advice[2]![7]! += 1n)],
  ];
  test.each(cases)("%s: prover refuses, and verifier rejects when the checker is bypassed", (_name, mutate) => {
    const w = cloneWitness(witness);
    mutate(w);
    expect(() => prove(pk, w)).toThrow(ConstraintError);
    const proof = prove(pk, w, { unsafeSkipChecker: true });
    const r = check(pk, proof);
    expect(r.ok).toBe(false);
  });

  test("the same harness accepts the unbroken witness (the cases above can pass)", () => {
    expect(check(pk, prove(pk, witness, { unsafeSkipChecker: true }))).toEqual({ ok: true });
  });
});

describe("cheating prover", () => {
  const { witness, pk } = small(24, 6, 8);

  test("a tampered quotient chunk is caught at the out-of-domain point", () => {
    for (const chunk of [0, 5, 3 * pk.layout.numChunks - 1]) {
      const proof = prove(pk, witness, { unsafeTamperQuotient: (c) => void (c[chunk]![3]! += 1n) });
      const r = check(pk, proof);
      expect(r).toEqual({ ok: false, reason: expect.stringContaining("quotient mismatch") });
    }
  });

  test("re-masking consistently between neighbouring chunks is accepted (the harness can pass)", () => {
    const { chunkStride: s, quotientMask: h } = pk.layout;
    const proof = prove(pk, witness, {
      unsafeTamperQuotient: (c) => {
        for (let j = 0; j < h; j++) {
          c[0]![s + j] = (c[0]![s + j]! + BigInt(j + 1)) % P_MOD;
          c[3]![j] = (c[3]![j]! + P_MOD - BigInt(j + 1)) % P_MOD;
        }
      },
    });
    expect(check(pk, proof)).toEqual({ ok: true });
  });

  test("inconsistent blinding between chunks is rejected", () => {
    const { chunkStride: s, quotientMask: h, numChunks: k } = pk.layout;
    const cases: [string, (c: BigUint64Array[]) => void][] = [
      ["mask added to chunk 0, a different one removed from chunk 1", (c) => {
        for (let j = 0; j < h; j++) {
          c[0]![s + j] = (c[0]![s + j]! + BigInt(j + 1)) % P_MOD;
          c[3]![j] = (c[3]![j]! + P_MOD - BigInt(j + 2)) % P_MOD;
        }
      }],
      ["mask added to chunk 0 only", (c) => void (c[1]![s] = (c[1]![s]! + 5n) % P_MOD)],
      ["mask added on top of the last chunk (nothing cancels it)", (c) => void (c[3 * (k - 1) + 2]![s + h - 1] = (c[3 * (k - 1) + 2]![s + h - 1]! + 1n) % P_MOD)],
    ];
    for (const [name, tamper] of cases) {
      const r = check(pk, prove(pk, witness, { unsafeTamperQuotient: tamper }));
      expect([name, r]).toEqual([name, { ok: false, reason: expect.stringContaining("quotient mismatch") }]);
    }
  });

  test("a quotient of too high degree (not split honestly) is caught", () => {
    // Moving a coefficient between chunks keeps t(zeta) unless zeta^n = 1: the identity breaks.
    const proof = prove(pk, witness, {
      unsafeTamperQuotient: (c) => {
        c[0]![0]! += 1n;
        c[3]![pk.layout.n - 1]! += 1n;
      },
    });
    expect(check(pk, proof).ok).toBe(false);
  });
});

/** c = a * b on every row with c[0] and c[1] public; a, b private. */
const productCircuitAllRows = () =>
  productCircuit([0, 1, 2, 3, 4, 5, 6, 7], [{ label: "product", row: 0, scale: 0 }, { label: "scaled", row: 1, scale: 8 }]);

function productWitness(a: bigint, b: bigint, c1: bigint = 1n): Witness {
  const cols = [new BigUint64Array(8), new BigUint64Array(8), new BigUint64Array(8)];
  for (let r = 0; r < 8; r++) {
    const x = r === 0 ? a : BigInt(r) + c1;
    const y = r === 0 ? b : 2n;
    cols[0]![r] = x;
    cols[1]![r] = y;
    cols[2]![r] = x * y;
  }
  return { advice: cols };
}

describe("public inputs and keys", () => {
  const circuit = productCircuitAllRows();
  const pk = setup(circuit, TEST_PARAMS, ALLOW);

  test("changed public value fails", () => {
    const proof = proveOk(pk, productWitness(6n, 7n));
    expect(check(pk, proof)).toEqual({ ok: true });
    expect(proof.publics.map((p) => [p.label, p.scale, p.value])).toEqual([["product", 0, 42n], ["scaled", 8, 4n]]);
    const changed = { ...proof, publics: [{ ...proof.publics[0]!, value: 43n }, proof.publics[1]!] };
    expect(check(pk, changed).ok).toBe(false);
  });

  test("changed label or scale fails", () => {
    const proof = proveOk(pk, productWitness(6n, 7n));
    expect(check(pk, { ...proof, publics: [{ ...proof.publics[0]!, label: "other" }, proof.publics[1]!] }).ok).toBe(false);
    expect(check(pk, { ...proof, publics: [proof.publics[0]!, { ...proof.publics[1]!, scale: 7 }] }).ok).toBe(false);
  });

  test("a proof replayed with another valid statement's public values fails", () => {
    const p1 = proveOk(pk, productWitness(6n, 7n));
    const p2 = proveOk(pk, productWitness(5n, 9n, 3n));
    expect(check(pk, p2)).toEqual({ ok: true });
    expect(check(pk, { ...p1, publics: p2.publics }).ok).toBe(false);
  });

  test("another circuit's key fails", () => {
    const a = small(24, 6, 11);
    const b = small(24, 6, 12);
    expect(a.pk.vk.digest).not.toEqual(b.pk.vk.digest);
    const proof = proveOk(a.pk, a.witness);
    expect(check(a.pk, proof)).toEqual({ ok: true });
    expect(verifyProof(b.pk.vk, proof, ALLOW).ok).toBe(false);
  });

  test("the same circuit under other parameters fails", () => {
    const other = setup(circuit, { ...TEST_PARAMS, numQueries: TEST_PARAMS.numQueries + 1 }, ALLOW);
    const proof = proveOk(pk, productWitness(6n, 7n));
    expect(verifyProof(other.vk, proof, ALLOW).ok).toBe(false);
  });
});

describe("security floor", () => {
  test("the verifier refuses the insecure preset unless it is explicitly allowed", () => {
    const { witness, pk } = small(16, 6, 3);
    const proof = proveOk(pk, witness);
    expect(verifyProof(pk.vk, proof)).toEqual({ ok: false, reason: expect.stringContaining("below the 100-bit floor") });
    expect(verifyProofBytes(encodeProof(proof), encodeVk(pk.vk)).ok).toBe(false);
    expect(verifyProofBytes(encodeProof(proof), encodeVk(pk.vk), ALLOW)).toEqual({ ok: true });
  });

  test("weak parameters under another name are refused even when insecure tests are allowed", () => {
    const { circuit } = small(16, 6, 3);
    expect(() => setup(circuit, { ...TEST_PARAMS, name: "default" }, ALLOW)).toThrow(ParamsError);
    expect(() => setup(circuit, TEST_PARAMS)).toThrow(ParamsError);
    expect(() => setup(circuit, preset("default"))).not.toThrow();
  });
});
