import {
  P, GENERATOR, TWO_ADICITY, add, sub, mul, neg, inv, div, pow, reduce, isCanonical, rootOfUnity, FieldError,
} from "../../src/field/index.js";
import { Rng, EDGES } from "./rand.js";

describe("goldilocks scalars", () => {
  const rng = new Rng(1);

  test("add/sub/mul/neg agree with BigInt mod p on random and edge values", () => {
    const vals = [...EDGES, ...Array.from({ length: 40 }, () => rng.fe())];
    for (const a of vals) {
      for (const b of vals) {
        expect(add(a, b)).toBe((a + b) % P);
        expect(sub(a, b)).toBe((((a - b) % P) + P) % P);
        expect(mul(a, b)).toBe((a * b) % P);
      }
      expect(neg(a)).toBe((P - a) % P);
    }
  });

  test("non-canonical and negative inputs are read mod p, outputs canonical", () => {
    expect(reduce(P)).toBe(0n);
    expect(reduce(-1n)).toBe(P - 1n);
    expect(add(P, P + 5n)).toBe(5n);
    expect(mul(-2n, 3n)).toBe(P - 6n);
    expect(sub(0n, (1n << 64n) - 1n)).toBe((P - (((1n << 64n) - 1n) % P)) % P);
    expect(isCanonical(P - 1n)).toBe(true);
    expect(isCanonical(P)).toBe(false);
    expect(isCanonical(-1n)).toBe(false);
  });

  test("inv, div, pow", () => {
    for (let i = 0; i < 50; i++) {
      const a = rng.fe() || 3n;
      expect(mul(a, inv(a))).toBe(1n);
      const b = rng.fe();
      expect(mul(div(b, a), a)).toBe(b);
    }
    expect(pow(3n, 0n)).toBe(1n);
    expect(pow(3n, 5)).toBe(243n);
    expect(pow(5n, -1)).toBe(inv(5n));
    expect(() => inv(0n)).toThrow(FieldError);
    expect(() => inv(P)).toThrow(/inverse of zero/);
    expect(() => div(1n, 0n)).toThrow(FieldError);
  });

  test("GENERATOR generates F_p^*: g^((p-1)/q) != 1 for every prime q | p-1", () => {
    const factors = [2n, 3n, 5n, 17n, 257n, 65537n];
    expect(factors.reduce((acc, q) => acc * (q === 2n ? 1n << 32n : q), 1n)).toBe(P - 1n);
    for (const q of factors) expect(pow(GENERATOR, (P - 1n) / q)).not.toBe(1n);
  });

  test("rootOfUnity(k) has order exactly 2^k", () => {
    for (let k = 0; k <= TWO_ADICITY; k++) {
      const w = rootOfUnity(k);
      expect(pow(w, 1n << BigInt(k))).toBe(1n);
      if (k > 0) expect(pow(w, 1n << BigInt(k - 1))).toBe(P - 1n);
    }
    expect(() => rootOfUnity(33)).toThrow(FieldError);
    expect(() => rootOfUnity(-1)).toThrow(/logN/);
    expect(() => rootOfUnity(1.5)).toThrow(FieldError);
  });
});
