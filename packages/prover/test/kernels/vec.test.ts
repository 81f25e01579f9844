import {
  P, add, sub, mul, inv, pow, extMul, extInv, FieldError, type Ext, type FVec, type EVec,
  vAdd, vSub, vMul, vScale, vAddScalar, vBatchInverse, vPowers,
  evAdd, evSub, evMul, evMulBase, evScale, evBatchInverse, evAlloc, evLinComb, extAdd, extScale, EXT_ZERO,
} from "../../src/field/index.js";
import { kernels, setKernels, tsKernels, type VecKernels } from "../../src/field/backend.js";
import { Rng, NON_CANONICAL } from "./rand.js";
import { availableBackends } from "./backends.js";

const N = 257;

function map2(a: FVec, b: FVec, f: (x: bigint, y: bigint) => bigint): bigint[] {
  return Array.from(a, (x, i) => f(x, b[i]!));
}
function evAt(v: EVec, i: number): Ext {
  return [v.c0[i]!, v.c1[i]!, v.c2[i]!];
}

describe.each(availableBackends())("vector kernels (%s backend)", (_name: string, backend: VecKernels) => {
  let prev: VecKernels = tsKernels;
  beforeAll(() => {
    prev = setKernels(backend);
  });
  afterAll(() => {
    setKernels(prev);
  });
  const rng = new Rng(3);

  test("backend is active", () => {
    expect(kernels().name).toBe(backend.name);
  });

  test("add/sub/mul/scale/addScalar agree with BigInt, including aliasing out = a", () => {
    for (let rep = 0; rep < 4; rep++) {
      const a = rng.vec(N), b = rng.vec(N), out = new BigUint64Array(N), s = rng.fe();
      vAdd(out, a, b); expect(Array.from(out)).toEqual(map2(a, b, add));
      vSub(out, a, b); expect(Array.from(out)).toEqual(map2(a, b, sub));
      vMul(out, a, b); expect(Array.from(out)).toEqual(map2(a, b, mul));
      vScale(out, a, s); expect(Array.from(out)).toEqual(Array.from(a, (x) => mul(x, s)));
      vAddScalar(out, a, s); expect(Array.from(out)).toEqual(Array.from(a, (x) => add(x, s)));
      const c = a.slice();
      vMul(c, c, b); expect(Array.from(c)).toEqual(map2(a, b, mul));
    }
  });

  test("non-canonical inputs (>= p) are read mod p and outputs are canonical", () => {
    const a = rng.vec(N, () => NON_CANONICAL[rng.int(NON_CANONICAL.length)]!);
    const b = rng.vec(N, () => (rng.int(2) ? NON_CANONICAL[rng.int(NON_CANONICAL.length)]! : rng.fe()));
    const out = new BigUint64Array(N);
    vAdd(out, a, b); expect(Array.from(out)).toEqual(map2(a, b, add));
    vSub(out, a, b); expect(Array.from(out)).toEqual(map2(a, b, sub));
    vMul(out, a, b); expect(Array.from(out)).toEqual(map2(a, b, mul));
    vScale(out, a, P + 3n); expect(Array.from(out)).toEqual(Array.from(a, (x) => mul(x, 3n)));
    const nz = b.map((x) => (x % P === 0n ? P + 1n : x)); // non-canonical but nonzero mod p
    vBatchInverse(out, nz); expect(Array.from(out)).toEqual(Array.from(nz, (x) => inv(x)));
  });

  test("long vectors (several WASM row blocks, partial last block)", () => {
    const n = 20000, a = rng.vec(n), b = rng.vec(n, () => rng.fe() || 1n), out = new BigUint64Array(n);
    vMul(out, a, b);
    for (const i of [0, 8191, 8192, 16384, n - 1]) expect(out[i]).toBe(mul(a[i]!, b[i]!));
    vBatchInverse(out, b);
    for (const i of [0, 8191, 8192, 16384, n - 1]) expect(out[i]).toBe(inv(b[i]!));
    b[12345] = 0n;
    expect(() => vBatchInverse(out, b)).toThrow(/index 12345/);
    const e = { c0: rng.vec(n), c1: rng.vec(n), c2: rng.vec(n) }, eo = evAlloc(n);
    e.c0[9000] = 0n; e.c1[9000] = 0n; e.c2[9000] = P;
    expect(() => evBatchInverse(eo, e)).toThrow(/index 9000/);
    evMul(eo, e, e);
    for (const i of [0, 8192, n - 1]) expect(evAt(eo, i)).toEqual(extMul(evAt(e, i), evAt(e, i)));
  });

  test("batch inverse, zero error names the index; powers", () => {
    const a = rng.vec(N, () => rng.fe() || 1n), out = new BigUint64Array(N);
    vBatchInverse(out, a);
    expect(Array.from(out)).toEqual(Array.from(a, (x) => inv(x)));
    vBatchInverse(a, a); // aliasing
    expect(Array.from(a)).toEqual(Array.from(out));
    a[17] = P; // zero mod p
    expect(() => vBatchInverse(out, a)).toThrow(/index 17/);
    vBatchInverse(new BigUint64Array(0), new BigUint64Array(0));
    const base = rng.fe();
    expect(Array.from(vPowers(base, 40))).toEqual(Array.from({ length: 40 }, (_, i) => pow(base, i)));
    expect(vPowers(base, 0).length).toBe(0);
  });

  test("extension vector ops agree with scalar extension arithmetic", () => {
    const mk = (): EVec => ({ c0: rng.vec(N), c1: rng.vec(N), c2: rng.vec(N) });
    const a = mk(), b = mk(), f = rng.vec(N), out = evAlloc(N);
    const s: Ext = [rng.fe(), rng.fe(), rng.fe()];
    evMul(out, a, b);
    for (let i = 0; i < N; i++) expect(evAt(out, i)).toEqual(extMul(evAt(a, i), evAt(b, i)));
    evScale(out, a, s);
    for (let i = 0; i < N; i++) expect(evAt(out, i)).toEqual(extMul(evAt(a, i), s));
    evMulBase(out, a, f);
    for (let i = 0; i < N; i++) expect(evAt(out, i)).toEqual(extMul(evAt(a, i), [f[i]!, 0n, 0n]));
    evAdd(out, a, b);
    for (let i = 0; i < N; i++) expect(evAt(out, i)).toEqual([add(a.c0[i]!, b.c0[i]!), add(a.c1[i]!, b.c1[i]!), add(a.c2[i]!, b.c2[i]!)]);
    evSub(out, a, b);
    for (let i = 0; i < N; i++) expect(evAt(out, i)).toEqual([sub(a.c0[i]!, b.c0[i]!), sub(a.c1[i]!, b.c1[i]!), sub(a.c2[i]!, b.c2[i]!)]);
    a.c0[0] = 0n; a.c1[0] = 5n; a.c2[0] = 0n; // nonzero with zero c0 must still invert
    evBatchInverse(out, a);
    for (let i = 0; i < N; i++) expect(evAt(out, i)).toEqual(extInv(evAt(a, i)));
    evBatchInverse(a, a);
    for (let i = 0; i < N; i++) expect(evAt(a, i)).toEqual(evAt(out, i));
    a.c0[9] = 0n; a.c1[9] = P; a.c2[9] = 0n;
    expect(() => evBatchInverse(out, a)).toThrow(/index 9/);
  });

  test("evLinComb equals the scalar sum of extension multiples", () => {
    const cols = [rng.vec(N), rng.vec(N, () => NON_CANONICAL[rng.int(NON_CANONICAL.length)]!), rng.vec(N)];
    const coeffs: Ext[] = [[rng.fe(), rng.fe(), rng.fe()], [P + 2n, 0n, 1n], [rng.fe(), 0n, 0n]];
    const out = evAlloc(N);
    evLinComb(out, cols, coeffs);
    for (let i = 0; i < N; i++) {
      let e: Ext = EXT_ZERO;
      cols.forEach((c, j) => (e = extAdd(e, extScale(coeffs[j]!, c[i]!))));
      expect(evAt(out, i)).toEqual(e);
    }
    evLinComb(out, [], []);
    expect(evAt(out, 3)).toEqual(EXT_ZERO);
    expect(() => evLinComb(out, cols, coeffs.slice(1))).toThrow(/3 columns but 2 coefficients/);
    expect(() => evLinComb(out, [rng.vec(N - 1)], [EXT_ZERO])).toThrow(/column 0/);
  });

  test("length mismatches throw FieldError", () => {
    const a = new BigUint64Array(4), b = new BigUint64Array(5);
    expect(() => vAdd(a, a, b)).toThrow(FieldError);
    expect(() => vMul(b, a, a)).toThrow(/length mismatch/);
    expect(() => evMul(evAlloc(3), evAlloc(3), evAlloc(4))).toThrow(FieldError);
    expect(() => evMulBase(evAlloc(3), evAlloc(3), a)).toThrow(FieldError);
    expect(() => vPowers(2n, -1)).toThrow(FieldError);
    const buf = new BigUint64Array(10);
    expect(() => vAdd(buf.subarray(1, 6), buf.subarray(0, 5), buf.subarray(0, 5))).toThrow(/partially overlaps/);
    vAdd(buf.subarray(5, 10), buf.subarray(0, 5), buf.subarray(0, 5)); // disjoint views of one buffer are fine
  });
});
