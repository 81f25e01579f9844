// Full BLAKE3 (unkeyed, 32-byte output) over little-endian 32-bit words, built on the
// allocation-free compression: chunks of 1024 bytes, blocks of 64, chunk chaining values merged
// in the spec's binary tree with a stack. Bit-exact with @noble/hashes (tested on 0..2000 bytes).
import { compress, IV, CHUNK_START, CHUNK_END, PARENT, ROOT } from "./blake3-compress.js";

const CHUNK_LEN = 1024;
const BLOCK_LEN = 64;

if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
  throw new Error("hash/blake3: a little-endian platform is required");
}

const blockBuf = new Uint32Array(16);
const parentBuf = new Uint32Array(16);
const cvBuf = new Uint32Array(8);
const cvStack = new Uint32Array(8 * 54); // 2^54 chunks is beyond any input we can hold

/** Copy a partial block (blockLen < 64 bytes) into blockBuf with zero padding. */
function loadPartialBlock(words: Uint32Array, wordOff: number, blockLen: number): void {
  blockBuf.fill(0);
  const full = blockLen >>> 2;
  for (let i = 0; i < full; i++) blockBuf[i] = words[wordOff + i]!;
  const rem = blockLen & 3;
  if (rem) blockBuf[full] = words[wordOff + full]! & ((1 << (8 * rem)) - 1);
}

/**
 * BLAKE3 of `byteLen` bytes stored little-endian in words[off..]; digest words to out[outOff..+8).
 * Bytes past byteLen in the last word are ignored.
 */
export function blake3Words(words: Uint32Array, off: number, byteLen: number, out: Uint32Array, outOff: number): void {
  const nChunks = Math.max(1, Math.ceil(byteLen / CHUNK_LEN));
  let sp = 0;
  for (let c = 0; c < nChunks; c++) {
    const chunkStart = c * CHUNK_LEN;
    const chunkLen = Math.min(CHUNK_LEN, byteLen - chunkStart);
    const nBlocks = Math.max(1, Math.ceil(chunkLen / BLOCK_LEN));
    cvBuf.set(IV);
    for (let b = 0; b < nBlocks; b++) {
      const blockLen = Math.min(BLOCK_LEN, chunkLen - b * BLOCK_LEN);
      const last = b === nBlocks - 1;
      const root = last && nChunks === 1;
      const flags = (b === 0 ? CHUNK_START : 0) | (last ? CHUNK_END : 0) | (root ? ROOT : 0);
      const wordOff = off + ((chunkStart + b * BLOCK_LEN) >>> 2);
      let m = words, o = wordOff;
      if (blockLen < BLOCK_LEN) {
        loadPartialBlock(words, wordOff, blockLen);
        m = blockBuf;
        o = 0;
      }
      if (root) compress(cvBuf, 0, m, o, c, blockLen, flags, out, outOff);
      else compress(cvBuf, 0, m, o, c, blockLen, flags, cvBuf, 0);
    }
    if (nChunks === 1) return;
    if (c < nChunks - 1) {
      // Lazy merge: a completed subtree of 2^k chunks collapses when the chunk count has k trailing zeros.
      for (let total = c + 1; (total & 1) === 0; total >>>= 1) {
        sp--;
        parentCv(cvStack, 8 * sp, cvBuf, 0, cvBuf, 0);
      }
      cvStack.set(cvBuf, 8 * sp);
      sp++;
    }
  }
  while (sp > 0) {
    sp--;
    if (sp === 0) {
      parentBuf.set(cvStack.subarray(0, 8), 0);
      parentBuf.set(cvBuf, 8);
      compress(IV, 0, parentBuf, 0, 0, BLOCK_LEN, PARENT | ROOT, out, outOff);
    } else {
      parentCv(cvStack, 8 * sp, cvBuf, 0, cvBuf, 0);
    }
  }
}

function parentCv(l: Uint32Array, lOff: number, r: Uint32Array, rOff: number, out: Uint32Array, outOff: number): void {
  parentBuf.set(l.subarray(lOff, lOff + 8), 0);
  parentBuf.set(r.subarray(rOff, rOff + 8), 8);
  compress(IV, 0, parentBuf, 0, 0, BLOCK_LEN, PARENT, out, outOff);
}

/** BLAKE3 of a byte string (32-byte digest). */
export function blake3Bytes(bytes: Uint8Array): Uint8Array {
  const words = new Uint32Array(Math.ceil(bytes.length / 4));
  new Uint8Array(words.buffer).set(bytes);
  const out = new Uint32Array(8);
  blake3Words(words, 0, bytes.length, out, 0);
  return new Uint8Array(out.buffer);
}
