import { P, mul, pow, rootOfUnity, GENERATOR, extMul, extAdd, extSub, EXT_ZERO, FieldError, type Ext } from "../../src/field/index.js";
import {
  ntt, intt, cosetNtt, cosetIntt, interpolate, lde, evalPolyExt, evalPolysExt, divideByLinearExt, evalPoly, setNttKernels, type NttKernels,
} from "../../src/ntt/index.js";
import { setKernels, type VecKernels } from "../../src/field/backend.js";
import { Rng, NON_CANONICAL } from "./rand.js";
import { availableFullBackends } from "./backends.js";

/** O(n^2) DFT: out[k] = sum_i v[i] (shift * w^k)^i. */
function naiveDft(v: readonly bigint[], shift = 1n): bigint[] {
  const n = v.length;
  const w = rootOfUnity(Math.log2(n));
  return Array.from({ length: n }, (_, k) => evalPoly(v, mul(shift, pow(w, k))));
}

function naiveEvalExt(coeffs: FVecLike, x: Ext): Ext {
  let acc: Ext = EXT_ZERO;
  for (let i = coeffs.length - 1; i >= 0; i--) acc = extAdd(extMul(acc, x), [coeffs[i]! % P, 0n, 0n]);
  return acc;
}
type FVecLike = ArrayLike<bigint>;

describe.each(availableFullBackends())("NTT kernels (%s backend)", (_name, vec: VecKernels, nttK: NttKernels) => {
  let prev: [VecKernels, NttKernels] | undefined;
  beforeAll(() => {
    prev = [setKernels(vec), setNttKernels(nttK)];
  });
  afterAll(() => {
    if (prev) {
      setKernels(prev[0]);
      setNttKernels(prev[1]);
    }
  });
  const rng = new Rng(4);

  test("ntt equals the naive DFT for n = 1..256, incl. non-canonical inputs", () => {
    for (let log = 0; log <= 8; log++) {
      const n = 1 << log;
      const v = rng.vec(n, () => (rng.int(8) === 0 ? NON_CANONICAL[rng.int(NON_CANONICAL.length)]! : rng.fe()));
      const expected = naiveDft(Array.from(v));
      ntt(v);
      expect(Array.from(v)).toEqual(expected);
    }
  });

  test("intt(ntt(v)) = v and interpolate inverts ntt, up to 2^12", () => {
    for (const log of [0, 1, 2, 5, 10, 12]) {
      const v = rng.vec(1 << log);
      const w = v.slice();
      ntt(w);
      expect(Array.from(interpolate(w))).toEqual(Array.from(v));
      intt(w);
      expect(Array.from(w)).toEqual(Array.from(v));
    }
  });

  test("cosetNtt equals naive evaluation on the coset; cosetIntt inverts it", () => {
    for (const log of [0, 3, 6]) {
      const c = rng.vec(1 << log);
      const shift = GENERATOR;
      const e = cosetNtt(c, shift);
      expect(Array.from(e)).toEqual(naiveDft(Array.from(c), shift));
      expect(Array.from(cosetIntt(e, shift))).toEqual(Array.from(c));
    }
  });

  test("lde into a given (dirty) output equals the new-array lde; a wrong output length is refused", () => {
    const c = rng.vec(1 << 6);
    const out = rng.vec(1 << 8);
    expect(lde(c, 2, GENERATOR, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(lde(c, 2, GENERATOR)));
    expect(() => lde(c, 2, GENERATOR, new BigUint64Array(1 << 7))).toThrow(/lde: output length must be 256, got 128/);
  });

  test("lde agrees with direct evaluation on shift * <w_{n * blowup}>", () => {
    for (const [log, logBlowup] of [[0, 1], [2, 3], [5, 1], [6, 3], [4, 0]] as const) {
      const c = rng.vec(1 << log);
      const shift = rng.fe() || 7n;
      const e = lde(c, logBlowup, shift);
      const N = 1 << (log + logBlowup);
      expect(e.length).toBe(N);
      const w = rootOfUnity(log + logBlowup);
      for (let k = 0; k < N; k++) expect(e[k]).toBe(evalPoly(c, mul(shift, pow(w, k))));
    }
    // Larger size: spot-check random positions.
    const c = rng.vec(1 << 12);
    const e = lde(c, 3, GENERATOR);
    const w = rootOfUnity(15);
    for (let t = 0; t < 20; t++) {
      const k = rng.int(1 << 15);
      expect(e[k]).toBe(evalPoly(c, mul(GENERATOR, pow(w, k))));
    }
  });

  test("evalPolyExt equals naive extension Horner", () => {
    for (const n of [0, 1, 2, 7, 100, 1000]) {
      const c = rng.vec(n, () => (rng.int(8) === 0 ? NON_CANONICAL[rng.int(NON_CANONICAL.length)]! : rng.fe()));
      const x: Ext = [rng.fe(), rng.fe(), rng.fe()];
      expect(evalPolyExt(c, x)).toEqual(naiveEvalExt(c, x));
    }
    const polys = [rng.vec(50), rng.vec(7), rng.vec(0), rng.vec(64, () => NON_CANONICAL[rng.int(NON_CANONICAL.length)]!)];
    const x: Ext = [rng.fe(), rng.fe(), P + 1n];
    expect(evalPolysExt(polys, x)).toEqual(polys.map((c) => naiveEvalExt(c, [x[0], x[1], 1n])));
    expect(evalPolysExt([], x)).toEqual([]);
  });

  test("divideByLinearExt: s = q (X - z) + s(z) with naive extension arithmetic", () => {
    for (const n of [0, 1, 2, 5, 64]) {
      const s = { c0: rng.vec(n), c1: rng.vec(n), c2: rng.vec(n, () => (rng.int(4) ? rng.fe() : P + 2n)) };
      const z: Ext = [rng.fe(), rng.fe(), rng.fe()];
      const q = divideByLinearExt(s, z);
      expect(q.c0.length).toBe(n);
      const at = (v: typeof s, i: number): Ext => [v.c0[i]! % P, v.c1[i]! % P, v.c2[i]! % P];
      // s(z) by Horner over extension coefficients.
      let sz: Ext = EXT_ZERO;
      for (let i = n - 1; i >= 0; i--) sz = extAdd(extMul(sz, z), at(s, i));
      // (q (X - z))[i] = q[i-1] - z q[i]; plus s(z) at i = 0.
      for (let i = 0; i < n; i++) {
        const prev: Ext = i > 0 ? at(q, i - 1) : EXT_ZERO;
        let c = extSub(prev, extMul(z, at(q, i)));
        if (i === 0) c = extAdd(c, sz);
        expect(c).toEqual(at(s, i));
      }
      if (n > 0) expect(at(q, n - 1)).toEqual(EXT_ZERO);
    }
    expect(() => divideByLinearExt({ c0: rng.vec(2), c1: rng.vec(3), c2: rng.vec(2) }, EXT_ZERO)).toThrow(FieldError);
  });

  test("bad sizes and parameters throw FieldError", () => {
    expect(() => ntt(new BigUint64Array(3))).toThrow(FieldError);
    expect(() => ntt(new BigUint64Array(0))).toThrow(/power of two/);
    expect(() => intt(new BigUint64Array(6))).toThrow(FieldError);
    expect(() => lde(new BigUint64Array(4), -1, 7n)).toThrow(/logBlowup/);
    expect(() => lde(new BigUint64Array(4), 31, 7n)).toThrow(FieldError);
    expect(() => lde(new BigUint64Array(4), 1, 0n)).toThrow(/shift/);
    expect(() => cosetIntt(new BigUint64Array(4), P)).toThrow(FieldError);
  });
});
