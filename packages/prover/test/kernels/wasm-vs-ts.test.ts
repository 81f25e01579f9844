// The WebAssembly kernels must equal the plain-TS reference on larger random inputs than the
// BigInt-checked tests can afford (both are also checked against BigInt references elsewhere).
import { tsKernels } from "../../src/field/backend.js";
import { tsNttKernels } from "../../src/ntt/backend.js";
import { wasmBackends } from "../../src/wasm/index.js";
import { Rng, NON_CANONICAL, firstDiff } from "./rand.js";

const wasm = wasmBackends();

describe("wasm kernels equal the plain-TS kernels", () => {
  const rng = new Rng(7);
  const gen = (): bigint => (rng.int(16) === 0 ? NON_CANONICAL[rng.int(NON_CANONICAL.length)]! : rng.u64());

  test("WebAssembly loads under node", () => {
    expect(wasm).not.toBeNull();
  });

  test("vector ops on 4096 random u64 (incl. non-canonical)", () => {
    const n = 4096, a = rng.vec(n, gen), b = rng.vec(n, gen);
    const x = new BigUint64Array(n), y = new BigUint64Array(n);
    for (const op of ["add", "sub", "mul"] as const) {
      tsKernels[op](x, a, b);
      wasm!.vec[op](y, a, b);
      expect(firstDiff(y, x)).toBe(-1);
    }
    const s = rng.fe();
    tsKernels.scale(x, a, s); wasm!.vec.scale(y, a, s); expect(firstDiff(y, x)).toBe(-1);
    const nz = a.map((v) => (v % 0xffffffff00000001n === 0n ? 1n : v));
    tsKernels.batchInverse(x, nz); wasm!.vec.batchInverse(y, nz); expect(firstDiff(y, x)).toBe(-1);
    const e = { c0: a, c1: b, c2: rng.vec(n, gen) };
    const ox = { c0: new BigUint64Array(n), c1: new BigUint64Array(n), c2: new BigUint64Array(n) };
    const oy = { c0: new BigUint64Array(n), c1: new BigUint64Array(n), c2: new BigUint64Array(n) };
    tsKernels.evMul(ox, e, e); wasm!.vec.evMul(oy, e, e); for (const c of ["c0", "c1", "c2"] as const) expect(firstDiff(oy[c], ox[c])).toBe(-1);
    tsKernels.evBatchInverse(ox, e); wasm!.vec.evBatchInverse(oy, e); for (const c of ["c0", "c1", "c2"] as const) expect(firstDiff(oy[c], ox[c])).toBe(-1);
    const es = [rng.fe(), rng.fe(), rng.fe()] as const;
    expect(wasm!.vec.evPrefixProduct(oy, e, es)).toEqual(tsKernels.evPrefixProduct(ox, e, es));
    for (const c of ["c0", "c1", "c2"] as const) expect(firstDiff(oy[c], ox[c])).toBe(-1);
    expect(wasm!.vec.evPrefixSum(oy, e, es)).toEqual(tsKernels.evPrefixSum(ox, e, es));
    for (const c of ["c0", "c1", "c2"] as const) expect(firstDiff(oy[c], ox[c])).toBe(-1);
    tsKernels.evAxpy(ox, e, es); wasm!.vec.evAxpy(oy, e, es);
    for (const c of ["c0", "c1", "c2"] as const) expect(firstDiff(oy[c], ox[c])).toBe(-1);
    tsKernels.evAxpyBase(ox, b, es); wasm!.vec.evAxpyBase(oy, b, es);
    for (const c of ["c0", "c1", "c2"] as const) expect(firstDiff(oy[c], ox[c])).toBe(-1);
  });

  test("NTT of every size 2^0..2^13 (odd and even layer counts, across the 2^12 block size)", () => {
    for (let log = 0; log <= 13; log++) {
      const v = rng.vec(1 << log, gen), w = v.slice();
      tsNttKernels.ntt(v);
      wasm!.ntt.ntt(w);
      expect([log, firstDiff(w, v)]).toEqual([log, -1]);
    }
  });

  test("NTT of 2^14 and evalPolyExt of 2^12", () => {
    const v = rng.vec(1 << 14, gen), w = v.slice();
    tsNttKernels.ntt(v);
    wasm!.ntt.ntt(w);
    expect(firstDiff(w, v)).toBe(-1);
    // Smaller after larger: the shared twiddle table must serve it.
    const s = rng.vec(1 << 5, gen), t = s.slice();
    tsNttKernels.ntt(s);
    wasm!.ntt.ntt(t);
    expect(firstDiff(t, s)).toBe(-1);
    const c = rng.vec(1 << 12, gen), x = [rng.fe(), rng.fe(), rng.fe()] as const;
    expect(wasm!.ntt.evalPolyExt(c, x)).toEqual(tsNttKernels.evalPolyExt(c, x));
    expect(wasm!.ntt.evalPolysExt([c, s], x)).toEqual(tsNttKernels.evalPolysExt([c, s], x));
    const e = { c0: c, c1: rng.vec(c.length, gen), c2: rng.vec(c.length, gen) };
    const qa = wasm!.ntt.divideByLinearExt(e, x), qb = tsNttKernels.divideByLinearExt(e, x);
    for (const k of ["c0", "c1", "c2"] as const) expect(firstDiff(qa[k], qb[k])).toBe(-1);
  });

  test("LDE 2^11 x 8 on a coset, and evLinComb across several row blocks", () => {
    const c = rng.vec(1 << 11, gen);
    expect(firstDiff(wasm!.ntt.lde(c, 3, 7n), tsNttKernels.lde(c, 3, 7n))).toBe(-1);
    const n = 20000; // > one 2^14-row block, with a partial last block
    const cols = [rng.vec(n, gen), rng.vec(n, gen)];
    const coeffs = [[rng.fe(), rng.fe(), rng.fe()], [rng.fe(), 1n, 0n]] as const;
    const ox = { c0: new BigUint64Array(n), c1: new BigUint64Array(n), c2: new BigUint64Array(n) };
    const oy = { c0: new BigUint64Array(n), c1: new BigUint64Array(n), c2: new BigUint64Array(n) };
    tsKernels.evLinComb(ox, cols, coeffs);
    wasm!.vec.evLinComb(oy, cols, coeffs);
    for (const k of ["c0", "c1", "c2"] as const) expect(firstDiff(oy[k], ox[k])).toBe(-1);
  });
});
