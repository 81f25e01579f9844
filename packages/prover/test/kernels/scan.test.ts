// Prefix product / prefix sum in the extension and the fused out += s * a: both backends against
// BigInt references (long vectors cross the WebAssembly row blocks, so the running value must carry).
import {
  P, EXT_ONE, EXT_ZERO, extAdd, extMul, extScale, type EVec, type Ext,
  evAddScaled, evAddScaledBase, evAlloc, evPrefixProduct, evPrefixSum, FieldError,
} from "../../src/field/index.js";
import { setKernels, tsKernels, type VecKernels } from "../../src/field/backend.js";
import { Rng, NON_CANONICAL } from "./rand.js";
import { availableBackends } from "./backends.js";

const at = (v: EVec, i: number): Ext => [v.c0[i]!, v.c1[i]!, v.c2[i]!];

describe.each(availableBackends())("scan and axpy kernels (%s backend)", (_name: string, backend: VecKernels) => {
  let prev: VecKernels = tsKernels;
  beforeAll(() => void (prev = setKernels(backend)));
  afterAll(() => void setKernels(prev));
  const rng = new Rng(11);
  const gen = (): bigint => (rng.int(8) === 0 ? NON_CANONICAL[rng.int(NON_CANONICAL.length)]! : rng.fe());
  const mk = (n: number): EVec => ({ c0: rng.vec(n, gen), c1: rng.vec(n, gen), c2: rng.vec(n, gen) });

  // 20000 rows: two full 8192-row blocks and a partial one.
  test.each([0, 1, 3, 257, 20000])("prefix product and prefix sum of %i elements equal the BigInt scan", (n) => {
    const a = mk(n), prod = evAlloc(n), sum = evAlloc(n);
    const totalP = evPrefixProduct(prod, a);
    const totalS = evPrefixSum(sum, a);
    let p: Ext = EXT_ONE, s: Ext = EXT_ZERO;
    for (let i = 0; i < n; i++) {
      if (i < 300 || i % 997 === 0 || i > n - 5) {
        expect([i, at(prod, i)]).toEqual([i, p]);
        expect([i, at(sum, i)]).toEqual([i, s]);
      }
      p = extMul(p, at(a, i));
      s = extAdd(s, at(a, i));
    }
    expect(totalP).toEqual(p);
    expect(totalS).toEqual(s);
  });

  test("scans may write into their input (out = a)", () => {
    const a = mk(9000), copy = { c0: a.c0.slice(), c1: a.c1.slice(), c2: a.c2.slice() }, ref = evAlloc(9000);
    const t1 = evPrefixProduct(ref, copy);
    expect(evPrefixProduct(a, a)).toEqual(t1);
    for (const i of [0, 1, 8191, 8192, 8999]) expect(at(a, i)).toEqual(at(ref, i));
  });

  test("out += s * a and out += s * b agree with BigInt, across blocks, with non-canonical inputs", () => {
    const n = 20000, a = mk(n), b = rng.vec(n, gen), out = mk(n), base = mk(n);
    const before = { c0: out.c0.slice(), c1: out.c1.slice(), c2: out.c2.slice() };
    const s: Ext = [rng.fe(), P + 5n, rng.fe()];
    evAddScaled(out, a, s);
    const b0 = { c0: base.c0.slice(), c1: base.c1.slice(), c2: base.c2.slice() };
    evAddScaledBase(base, b, s);
    for (const i of [0, 1, 2, 8191, 8192, 16383, 16384, n - 1]) {
      expect(at(out, i)).toEqual(extAdd(at(before, i), extMul(at(a, i), s)));
      expect(at(base, i)).toEqual(extAdd(at(b0, i), extScale(s, b[i]!)));
    }
    for (let i = 0; i < 200; i++) expect(at(out, i)).toEqual(extAdd(at(before, i), extMul(at(a, i), s)));
    for (const v of [out.c0, out.c1, out.c2, base.c0]) expect(v.every((x) => x < P)).toBe(true);
  });

  test("length mismatches throw FieldError", () => {
    expect(() => evPrefixProduct(evAlloc(3), evAlloc(4))).toThrow(FieldError);
    expect(() => evPrefixSum(evAlloc(3), evAlloc(4))).toThrow(/length mismatch/);
    expect(() => evAddScaled(evAlloc(3), evAlloc(2), EXT_ONE)).toThrow(FieldError);
    expect(() => evAddScaledBase(evAlloc(3), new BigUint64Array(4), EXT_ONE)).toThrow(/evAddScaledBase/);
  });
});
