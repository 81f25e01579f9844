// Zero knowledge of the quotient chunks: the split t = sum_i X^(i s) t_i is randomized with masks
// that cancel between neighbouring chunks, so an opened chunk value is uniform given t at that
// point. The decisive test holds the witness blinding fixed (same seed) and varies only the masks:
// without masking every run would commit the very same chunks.
import { prove, setup, type Proof } from "../src/index.js";
import { P, add, extAdd, extMul, extPow, type Ext, type FVec } from "../src/field/index.js";
import { evalPolyExt } from "../src/ntt/index.js";
import { maskQuotientChunks } from "../src/protocol/quotient-mask.js";
import { seededRng } from "../src/util/random.js";
import { ALLOW, TEST_PARAMS, check } from "./helpers.js";
import { productAtRow0, productAtRow0Witness } from "./product-circuit.js";

const seed = (s: string) => seededRng(new TextEncoder().encode(s));

/** Every base value of the quotient chunks opened at the out-of-domain point. */
const chunkOpenings = (p: Proof): bigint[] => p.openings[3]![0]!.flat();

/** Each of the low 8 bits is set in about half of the values (within 6 standard deviations). */
function lowBitsLookUniform(values: readonly bigint[]): boolean {
  const m = values.length, sd = Math.sqrt(m / 4);
  for (let bit = 0n; bit < 8n; bit++) {
    const ones = values.filter((v) => (v >> bit) & 1n).length;
    if (Math.abs(ones - m / 2) > 6 * sd) return false;
  }
  return true;
}

describe("quotient chunk masking", () => {
  const pk = setup(productAtRow0(), TEST_PARAMS, ALLOW);
  const lay = pk.layout;
  const w1 = productAtRow0Witness(6n, 7n);
  const w2 = productAtRow0Witness(3n, 14n);

  test("layout: masked chunks keep degree < n and still cover t", () => {
    expect(lay.quotientMask).toBe(2 * TEST_PARAMS.numQueries + 3);
    expect(lay.chunkStride).toBe(lay.n - lay.quotientMask);
    expect(lay.numChunks * lay.chunkStride).toBeGreaterThanOrEqual((lay.degree - 1) * lay.n);
  });

  test("masking keeps sum_i X^(i s) t_i and fills the top h coefficients of all but the last chunk", () => {
    const { n, chunkStride: s, numChunks: k } = lay;
    const rnd = seed("chunks");
    const chunks = Array.from({ length: 3 * k }, () => {
      const c = new BigUint64Array(n);
      c.set(rnd.fieldVec(s));
      return c;
    });
    const joined = (cs: readonly FVec[], comp: number): bigint[] => {
      const t = new Array<bigint>((k - 1) * s + n).fill(0n);
      for (let i = 0; i < k; i++) cs[3 * i + comp]!.forEach((v, j) => (t[i * s + j] = add(t[i * s + j]!, v)));
      return t;
    };
    const before = chunks.map((c) => c.slice());
    maskQuotientChunks(chunks, lay, seed("mask"));
    for (let comp = 0; comp < 3; comp++) expect(joined(chunks, comp)).toEqual(joined(before, comp));
    for (let i = 0; i < k; i++) {
      const top = chunks[3 * i]!.subarray(s);
      expect(top.some((v) => v !== 0n)).toBe(i < k - 1);
    }
  });

  test("proving the same witness twice gives different quotient-chunk openings at the OOD point", () => {
    const a = chunkOpenings(prove(pk, w1)), b = chunkOpenings(prove(pk, w1));
    expect(a.length).toBe(9 * lay.numChunks);
    a.forEach((v, i) => expect(v).not.toBe(b[i]));
  });

  test("with the witness blinding fixed, only the masks vary the chunks: distinct values, same t", () => {
    // z0: a fixed test point, so the comparison does not depend on the transcript's zeta.
    const z0: Ext = [12345n, 678n, 9n];
    const z0s = extPow(z0, lay.chunkStride);
    const seen = new Set<bigint>();
    const lows: bigint[] = [];
    const ts = new Set<string>();
    const caps = new Set<string>();
    for (let run = 0; run < 20; run++) {
      let chunks: FVec[] = [];
      const proof = prove(pk, w1, { rng: seed("fixed"), maskRng: seed(`mask-${run}`), unsafeTamperQuotient: (c) => void (chunks = c.map((v) => v.slice())) });
      caps.add(JSON.stringify([proof.caps[0], proof.caps[1]].map((c) => c.map((d) => Array.from(d)))));
      let t: Ext = [0n, 0n, 0n];
      let zp: Ext = [1n, 0n, 0n];
      for (let i = 0; i < lay.numChunks; i++) {
        const v = [0, 1, 2].map((k) => evalPolyExt(chunks[3 * i + k]!, z0));
        for (const e of v) for (const x of e) {
          seen.add(x);
          lows.push(x);
        }
        const chunkAt = extAdd(extAdd(v[0]!, extMul(v[1]!, [0n, 1n, 0n])), extMul(v[2]!, [0n, 0n, 1n]));
        t = extAdd(t, extMul(zp, chunkAt));
        zp = extMul(zp, z0s);
      }
      ts.add(t.join(","));
      expect(check(pk, proof)).toEqual({ ok: true });
    }
    expect(caps.size).toBe(1); // advice and aux commitments identical: the witness polynomials are
    expect(ts.size).toBe(1); // ... so t(z0) is identical
    expect(seen.size).toBe(lows.length); // yet every chunk value differs across runs
    expect(lowBitsLookUniform(lows)).toBe(true);
  });

  test("two private witnesses, same public value: 20 runs each, opened chunk values all distinct and uniform-looking", () => {
    const values = [w1, w2].map((w) => Array.from({ length: 20 }, () => prove(pk, w)).flatMap(chunkOpenings));
    for (const v of values) {
      expect(new Set(v).size).toBe(v.length);
      expect(lowBitsLookUniform(v)).toBe(true);
      expect(v.every((x) => x < P)).toBe(true);
    }
    expect(new Set([...values[0]!, ...values[1]!]).size).toBe(values[0]!.length + values[1]!.length);
  });

  test("the uniformity check can fail: it rejects values with a biased low bit", () => {
    expect(lowBitsLookUniform(Array.from({ length: 540 }, (_, i) => BigInt(i) * 2n))).toBe(false);
  });
});
