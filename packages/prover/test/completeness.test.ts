// Completeness: honest proofs verify, for every gate kind and sizes 2^3..2^14 (insecure preset
// for speed, named as such) and once with the default (>= 100-bit) preset.
import {
  CircuitBuilder, advice, add, constant, mul, preset, prove, setup, sub, verifyProof, decodeProof, encodeProof,
  decodeVk, encodeVk,
} from "../src/index.js";
import { ALLOW, TEST_PARAMS, check, proveOk, small } from "./helpers.js";

describe("completeness", () => {
  test.each([8, 64, 1024, 1 << 14])("random circuit with %i used rows verifies", (rows) => {
    const { pk, witness } = small(rows, 8, rows);
    const proof = proveOk(pk, witness);
    expect(check(pk, proof)).toEqual({ ok: true });
    // and survives the byte formats
    const back = decodeProof(encodeProof(proof));
    expect(verifyProof(decodeVk(encodeVk(pk.vk)), back, ALLOW)).toEqual({ ok: true });
  });

  test("default (>= 100-bit) preset at small size", () => {
    const { circuit, witness } = small(16, 6, 2);
    const pk = setup(circuit, preset("default"));
    const proof = prove(pk, witness);
    expect(verifyProof(pk.vk, proof)).toEqual({ ok: true });
  });

  test("FRI with zero and one folding rounds (final polynomial of full or half degree)", () => {
    const { circuit, witness } = small(16, 6, 9);
    const n = setup(circuit, TEST_PARAMS, ALLOW).layout.n;
    for (const finalLogLen of [Math.log2(n), Math.log2(n) - 1]) {
      const pk = setup(circuit, { ...TEST_PARAMS, finalLogLen }, ALLOW);
      const proof = proveOk(pk, witness);
      expect(proof.friCaps.length).toBe(0);
      expect(proof.finalPoly.length).toBe(1 << finalLogLen);
      expect(check(pk, proof)).toEqual({ ok: true });
      const bad = { ...proof, finalPoly: proof.finalPoly.map((e, i) => (i === 0 ? ([(e[0] + 1n) % 0xffff_ffff_0000_0001n, e[1], e[2]] as const) : e)) };
      expect(check(pk, bad).ok).toBe(false);
    }
  });

  test("circuit with one gate only (no copies, no lookups, no publics)", () => {
    const b = new CircuitBuilder(8);
    const a = b.addAdvice("a");
    const c = b.addAdvice("c");
    const s = b.addSelector("s");
    b.addGate("square", s, [sub(advice(c), mul(advice(a), advice(a)))]);
    const w = [new BigUint64Array(8), new BigUint64Array(8)];
    for (let r = 0; r < 8; r++) {
      b.enable(s, r);
      w[0]![r] = BigInt(r + 3);
      w[1]![r] = BigInt((r + 3) * (r + 3));
    }
    const pk = setup(b.build(), TEST_PARAMS, ALLOW);
    expect(check(pk, proveOk(pk, { advice: w }))).toEqual({ ok: true });
  });

  test("rotation 2, a wide dot-product row and several copies in one cycle", () => {
    const W = 9;
    const b = new CircuitBuilder(12);
    for (let i = 0; i < W; i++) b.addAdvice(`w${i}`);
    const s = b.addSelector("s");
    // w0[r+2] = w0[r] + sum_i w(2i+1)[r] * w(2i+2)[r]
    const terms = Array.from({ length: 4 }, (_, i) => mul(advice(2 * i + 1), advice(2 * i + 2)));
    b.addGate("dot2", s, [sub(advice(0, 2), terms.reduce((x, y) => add(x, y), advice(0)))]);
    const w = Array.from({ length: W }, () => new BigUint64Array(12));
    for (let r = 0; r < 12; r++) for (let i = 1; i < W; i++) w[i]![r] = BigInt(r * 31 + i);
    // one cycle through four cells of equal value
    for (const [col, row] of [[1, 0], [3, 5], [8, 9]] as const) {
      w[col]![row] = 77n;
      b.copy({ column: 1, row: 0 }, { column: col, row });
    }
    w[0]![0] = 5n;
    w[0]![1] = 6n;
    for (let r = 0; r + 2 < 12; r++) {
      b.enable(s, r);
      let acc = w[0]![r]!;
      for (let i = 0; i < 4; i++) acc += w[2 * i + 1]![r]! * w[2 * i + 2]![r]!;
      w[0]![r + 2] = acc % 0xffff_ffff_0000_0001n;
    }
    b.addPublic("acc", { column: 0, row: 11 }, 4);
    const pk = setup(b.build(), TEST_PARAMS, ALLOW);
    expect(pk.layout.rotations).toEqual([0, 1, 2]);
    expect(check(pk, proveOk(pk, { advice: w }))).toEqual({ ok: true });
  });

  test("many lookups into tables of different sizes, multi-column tuples", () => {
    const b = new CircuitBuilder(40);
    const x = b.addAdvice("x");
    const y = b.addAdvice("y");
    const s1 = b.addSelector("s1");
    const s2 = b.addSelector("s2");
    const t4 = b.addTable("range4", [[0n, 1n, 2n, 3n]]);
    const sq = b.addTable("sq", [Array.from({ length: 20 }, (_, i) => BigInt(i)), Array.from({ length: 20 }, (_, i) => BigInt(i * i))]);
    b.addLookup("x in range4", s1, [advice(x)], t4);
    b.addLookup("(x+1, y) in sq", s2, [add(advice(x), constant(1n)), advice(y)], sq);
    const w = [new BigUint64Array(40), new BigUint64Array(40)];
    for (let r = 0; r < 40; r++) {
      w[0]![r] = BigInt(r % 4);
      w[1]![r] = BigInt((r % 4) + 1) ** 2n;
      b.enable(s1, r);
      b.enable(s2, r);
    }
    const pk = setup(b.build(), TEST_PARAMS, ALLOW);
    expect(check(pk, proveOk(pk, { advice: w }))).toEqual({ ok: true });
  });
});
