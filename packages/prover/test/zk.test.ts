// Zero knowledge: blinding rows make commitments and openings random per run; two private
// witnesses with the same public values both verify and are not told apart by their openings.
import { encodeProof, prove, setup, type Proof } from "../src/index.js";
import { seededRng } from "../src/util/random.js";
import { ALLOW, TEST_PARAMS, check } from "./helpers.js";
import { productAtRow0, productAtRow0Witness } from "./product-circuit.js";

describe("zero knowledge", () => {
  const pk = setup(productAtRow0(), TEST_PARAMS, ALLOW);
  const w1 = productAtRow0Witness(6n, 7n);
  const w2 = productAtRow0Witness(3n, 14n);

  test("the trace keeps at least one random row per value a witness polynomial can leak", () => {
    // 3 base values per rotation at the OOD point (an extension element), and the quotient at +-x
    // per query (which reads every rotation, the opened leaf included).
    const leaked = pk.layout.rotations.length * (2 * TEST_PARAMS.numQueries + 3);
    expect(pk.layout.n - pk.layout.usable).toBeGreaterThan(leaked);
  });

  test("witness-derived leaves carry random salt; the fixed batch does not", () => {
    const a = prove(pk, w1);
    const b = prove(pk, w1);
    const widths = [pk.layout.fixed.total, 3 + 0, 3 * pk.layout.numAuxExt, 3 * pk.layout.numChunks];
    expect(a.queries[0]!.batches.map((o) => o.values.length)).toEqual(widths.map((w, i) => 2 * (w + (i === 0 ? 0 : 4))));
    expect(a.queries[0]!.batches[0]!.values.length).toBe(2 * widths[0]!);
    // same witness, different runs: salts differ (they are the 4 values after each half's columns)
    const salt = (p: Proof) => p.queries[0]!.batches[1]!.values.slice(3, 7);
    expect(salt(a)).not.toEqual(salt(b));
  });

  test("two private witnesses with the same public value both verify", () => {
    const p1 = prove(pk, w1);
    const p2 = prove(pk, w2);
    expect(p1.publics).toEqual(p2.publics);
    expect(check(pk, p1)).toEqual({ ok: true });
    expect(check(pk, p2)).toEqual({ ok: true });
  });

  test("proving the same witness twice gives unrelated commitments and openings", () => {
    const runs: Proof[] = [prove(pk, w1), prove(pk, w1), prove(pk, w2)];
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        for (let r = 0; r < 3; r++) expect(runs[i]!.caps[r]).not.toEqual(runs[j]!.caps[r]);
        const a = runs[i]!.openings[1]![0]!;
        const b = runs[j]!.openings[1]![0]!;
        a.forEach((v, k) => expect(v).not.toEqual(b[k]));
      }
    }
  });

  test("the randomness is the only source of difference: a fixed seed reproduces the proof", () => {
    const seed = new TextEncoder().encode("zk-seed");
    const a = encodeProof(prove(pk, w1, { rng: seededRng(seed) }));
    const b = encodeProof(prove(pk, w1, { rng: seededRng(seed) }));
    const c = encodeProof(prove(pk, w1, { rng: seededRng(new TextEncoder().encode("other")) }));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test("opened leaves never show the private values", () => {
    for (const [w, secrets] of [[w1, [6n, 7n]], [w2, [3n, 14n]]] as const) {
      const p = prove(pk, w);
      for (const q of p.queries) for (const v of q.batches[1]!.values) expect(secrets).not.toContain(v);
      for (const v of p.openings[1]!.flat().flat()) expect(secrets).not.toContain(v);
    }
  });
});
