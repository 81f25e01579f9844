// Randomness for zero-knowledge blinding: the platform CSPRNG (crypto.getRandomValues, in Node and
// browsers) by default; a seeded blake3 stream only for reproducible golden tests.
import { blake3 } from "@noble/hashes/blake3.js";
import { P, type FVec } from "../field/index.js";

export interface Rng {
  /** n uniform field elements. */
  fieldVec(n: number): FVec;
}

function uniformFrom(fill: (words: BigUint64Array) => void, n: number): FVec {
  const out = new BigUint64Array(n);
  let filled = 0;
  while (filled < n) {
    const buf = new BigUint64Array(Math.max(8, n - filled + 4));
    fill(buf);
    for (let i = 0; i < buf.length && filled < n; i++) if (buf[i]! < P) out[filled++] = buf[i]!;
  }
  return out;
}

export function secureRng(): Rng {
  return {
    fieldVec: (n) =>
      uniformFrom((w) => {
        // getRandomValues fills at most 65536 bytes per call.
        for (let o = 0; o < w.length; o += 8192) globalThis.crypto.getRandomValues(w.subarray(o, o + 8192));
      }, n),
  };
}

/** Deterministic stream blake3(seed || counter): for golden tests only, never for real proofs. */
export function seededRng(seed: Uint8Array): Rng {
  let counter = 0;
  return {
    fieldVec: (n) =>
      uniformFrom((w) => {
        const bytes = new Uint8Array(w.buffer, w.byteOffset, w.byteLength);
        for (let o = 0; o < bytes.length; o += 32) {
          const block = new Uint8Array(seed.length + 4);
          block.set(seed);
          new DataView(block.buffer).setUint32(seed.length, counter++, true);
          const h = blake3(block);
          bytes.set(h.subarray(0, Math.min(32, bytes.length - o)), o);
        }
      }, n),
  };
}
