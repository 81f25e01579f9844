import {
  P, pow, mul, add, EXT_W, EXT_ONE, EXT_ZERO, extAdd, extSub, extMul, extInv, extPow, extFromBase, extEq,
  extDiv, extNeg, FieldError, type Ext,
} from "../../src/field/index.js";
import { Rng } from "./rand.js";

/** Schoolbook product of two degree-2 polynomials, then reduce x^3 = W, x^4 = W x. */
function naiveMul(a: Ext, b: Ext): Ext {
  const c = [0n, 0n, 0n, 0n, 0n];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) c[i + j]! += a[i]! * b[j]!;
  return [(c[0]! + EXT_W * c[3]!) % P, (c[1]! + EXT_W * c[4]!) % P, c[2]! % P];
}

describe("cubic extension", () => {
  const rng = new Rng(2);
  const rand = (): Ext => [rng.fe(), rng.fe(), rng.fe()];

  test("x^3 - W is irreducible: W is not a cube (W^((p-1)/3) != 1, and 3 | p-1)", () => {
    expect((P - 1n) % 3n).toBe(0n);
    expect(pow(EXT_W, (P - 1n) / 3n)).not.toBe(1n);
  });

  test("mul agrees with schoolbook; ring axioms on random values", () => {
    for (let i = 0; i < 200; i++) {
      const a = rand(), b = rand(), c = rand();
      expect(extMul(a, b)).toEqual(naiveMul(a, b));
      expect(extEq(extMul(a, extAdd(b, c)), extAdd(extMul(a, b), extMul(a, c)))).toBe(true);
      expect(extEq(extSub(extAdd(a, b), b), a)).toBe(true);
      expect(extEq(extAdd(a, extNeg(a)), EXT_ZERO)).toBe(true);
    }
  });

  test("inverse, division and the zero error", () => {
    for (let i = 0; i < 100; i++) {
      const a = rand();
      if (extEq(a, EXT_ZERO)) continue;
      expect(extMul(a, extInv(a))).toEqual(EXT_ONE);
      const b = rand();
      expect(extMul(extDiv(b, a), a)).toEqual([b[0] % P, b[1] % P, b[2] % P]);
    }
    expect(() => extInv(EXT_ZERO)).toThrow(FieldError);
  });

  test("pow: small exponents, Frobenius order p^3 - 1, base embedding", () => {
    const a = rand();
    expect(extPow(a, 3)).toEqual(extMul(a, extMul(a, a)));
    expect(extPow(a, 0)).toEqual(EXT_ONE);
    expect(extPow(a, P * P * P - 1n)).toEqual(EXT_ONE);
    expect(extMul(extPow(a, -2), extPow(a, 2))).toEqual(EXT_ONE);
    const x = rng.fe(), y = rng.fe();
    expect(extMul(extFromBase(x), extFromBase(y))).toEqual([mul(x, y), 0n, 0n]);
    expect(extAdd(extFromBase(x), extFromBase(y))).toEqual([add(x, y), 0n, 0n]);
  });
});
