import { blake3 } from "@noble/hashes/blake3.js";
import { blake3Bytes, hashFieldElems, hashTwo, digestEq, HashError } from "../../src/hash/index.js";
import { P } from "../../src/field/index.js";
import { kernelExports } from "../../src/wasm/instance.js";
import { WasmArena } from "../../src/wasm/arena.js";
import { Rng } from "./rand.js";

function leBytes(v: readonly bigint[]): Uint8Array {
  const out = new Uint8Array(8 * v.length);
  const dv = new DataView(out.buffer);
  v.forEach((x, i) => dv.setBigUint64(8 * i, x, true));
  return out;
}

describe("BLAKE3 (own compression) vs @noble/hashes", () => {
  const rng = new Rng(5);

  test("every length 0..2000 bytes on random data", () => {
    const buf = rng.bytes(2000);
    for (let len = 0; len <= 2000; len++) {
      const data = buf.subarray(0, len);
      expect(Buffer.from(blake3Bytes(data)).toString("hex")).toBe(Buffer.from(blake3(data)).toString("hex"));
    }
  });

  test("multi-chunk inputs up to 17 chunks (tree merging)", () => {
    for (const len of [1024 * 3, 1024 * 4 + 1, 1024 * 8, 1024 * 16 + 700, 5000, 9999]) {
      const data = rng.bytes(len);
      expect(digestEq(blake3Bytes(data), blake3(data))).toBe(true);
    }
  });

  test("hashTwo is BLAKE3(a || b) on many random digest pairs", () => {
    for (let i = 0; i < 1000; i++) {
      const a = rng.bytes(32), b = rng.bytes(32);
      const ab = new Uint8Array(64);
      ab.set(a);
      ab.set(b, 32);
      expect(digestEq(hashTwo(a, b), blake3(ab))).toBe(true);
    }
    // Unaligned views into a larger buffer.
    const big = rng.bytes(100);
    const a = big.subarray(1, 33), b = big.subarray(35, 67);
    expect(digestEq(hashTwo(a, b), blake3(Uint8Array.of(...a, ...b)))).toBe(true);
    expect(() => hashTwo(new Uint8Array(31), new Uint8Array(32))).toThrow(HashError);
  });

  test("hashFieldElems is BLAKE3 of the LE 8-byte canonical encoding; non-canonical reduced", () => {
    for (const n of [0, 1, 4, 8, 9, 100, 128, 129, 300]) {
      const v = Array.from({ length: n }, () => rng.fe());
      const expected = blake3(leBytes(v));
      expect(digestEq(hashFieldElems(v), expected)).toBe(true);
      expect(digestEq(hashFieldElems(BigUint64Array.from(v)), expected)).toBe(true);
    }
    expect(digestEq(hashFieldElems([P + 5n, 1n]), hashFieldElems([5n, 1n]))).toBe(true);
    expect(() => hashFieldElems([-1n])).toThrow(HashError);
    expect(() => hashFieldElems([1n << 64n])).toThrow(/not a u64/);
  });
});

describe("BLAKE3 in WebAssembly vs @noble/hashes", () => {
  const rng = new Rng(9);
  const ex = kernelExports()!;
  const arena = new WasmArena(ex);

  test("every length 0..2000 bytes, plus multi-chunk lengths", () => {
    const buf = rng.bytes(1024 * 16 + 700);
    for (const len of [...Array.from({ length: 2001 }, (_, i) => i), 4096, 5000, 1024 * 16 + 700]) {
      const data = buf.subarray(0, len);
      arena.reset();
      const msg = arena.alloc(Math.ceil(len / 8) + 1), out = arena.alloc(4);
      new Uint8Array(ex.memory.buffer, msg, len).set(data);
      ex.blake3(msg, len, out);
      expect(Buffer.from(new Uint8Array(ex.memory.buffer, out, 32)).toString("hex")).toBe(Buffer.from(blake3(data)).toString("hex"));
    }
  });
});

