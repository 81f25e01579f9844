// Randomness for zero-knowledge blinding: the platform CSPRNG (crypto.getRandomValues, in Node and
// browsers) by default; a seeded blake3 stream only for reproducible golden tests.
import { blake3 } from "@noble/hashes/blake3.js";
import { P, type FVec } from "../field/index.js";

export interface Rng {
  /** n uniform field elements. */
  fieldVec(n: number): FVec;
  /** n uniform 32-bit values (canonical field elements): Merkle leaf salts. */
  saltVec(n: number): FVec;
}

/** Spreads uniform 32-bit words into the low halves of a field vector. */
function fromWords(words: Uint32Array): FVec {
  const out = new BigUint64Array(words.length);
  const halves = new Uint32Array(out.buffer);
  for (let i = 0; i < words.length; i++) halves[2 * i] = words[i]!;
  return out;
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
    saltVec: (n) => {
      const w = new Uint32Array(n);
      for (let o = 0; o < n; o += 16384) globalThis.crypto.getRandomValues(w.subarray(o, o + 16384));
      return fromWords(w);
    },
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
  const bytes = (len: number): Uint8Array => {
    const block = new Uint8Array(seed.length + 4);
    block.set(seed);
    new DataView(block.buffer).setUint32(seed.length, counter++, true);
    return blake3(block, { dkLen: len });
  };
  return {
    saltVec: (n) => fromWords(new Uint32Array(bytes(4 * n).buffer)),
    fieldVec: (n) =>
      uniformFrom((w) => new Uint8Array(w.buffer, w.byteOffset, w.byteLength).set(bytes(w.byteLength)), n),
  };
}
