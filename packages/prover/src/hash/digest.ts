// Digests and the two hash entry points used by commitments: field elements and node pairs.
import { compress, IV, CHUNK_START, CHUNK_END, ROOT } from "./blake3-compress.js";
import { blake3Words } from "./blake3.js";
import { P } from "../field/goldilocks.js";
import type { FVec } from "../field/vec-types.js";

/** A 32-byte BLAKE3 digest. */
export type Digest = Uint8Array;
export const DIGEST_BYTES = 32;

export class HashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HashError";
  }
}

/** Little-endian words of the canonical values (non-canonical u64 inputs are reduced mod p). */
export function fieldElemsToWords(v: FVec | readonly bigint[]): Uint32Array {
  const w = new Uint32Array(2 * v.length);
  for (let i = 0; i < v.length; i++) {
    let x = v[i]!;
    if (x < 0n || x >= P) {
      if (x < 0n || x >= 1n << 64n) throw new HashError(`hashFieldElems: element ${i} is not a u64 (${x})`);
      x -= P;
    }
    w[2 * i] = Number(x & 0xffffffffn);
    w[2 * i + 1] = Number(x >> 32n);
  }
  return w;
}

/** BLAKE3 of the little-endian 8-byte encodings of the canonical values. */
export function hashFieldElems(v: FVec | readonly bigint[]): Digest {
  const out = new Uint32Array(8);
  blake3Words(fieldElemsToWords(v), 0, 8 * v.length, out, 0);
  return new Uint8Array(out.buffer);
}

const pairBuf = new Uint32Array(16);
const pairBytes = new Uint8Array(pairBuf.buffer);

/** BLAKE3(a || b) for two 32-byte digests: one compression, no allocation besides the result. */
export function hashTwo(a: Digest, b: Digest): Digest {
  if (a.length !== DIGEST_BYTES || b.length !== DIGEST_BYTES) {
    throw new HashError(`hashTwo: digests must be ${DIGEST_BYTES} bytes, got ${a.length} and ${b.length}`);
  }
  pairBytes.set(a, 0);
  pairBytes.set(b, DIGEST_BYTES);
  const out = new Uint32Array(8);
  compress(IV, 0, pairBuf, 0, 0, 64, CHUNK_START | CHUNK_END | ROOT, out, 0);
  return new Uint8Array(out.buffer);
}

export function digestEq(a: Digest, b: Digest): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

export function digestToHex(d: Digest): string {
  return Array.from(d, (x) => x.toString(16).padStart(2, "0")).join("");
}
