// Full BLAKE3 (unkeyed, 32-byte digest) over linear memory, and the Merkle hashing loops:
// leaves from rows of several columns, and parent levels. Mirrors src/hash/blake3.ts.
import { compress, IV0, IV1, IV2, IV3, IV4, IV5, IV6, IV7 } from "./blake3-compress";
import { canon } from "./goldilocks";

const CHUNK_START: u32 = 1;
const CHUNK_END: u32 = 2;
const PARENT: u32 = 4;
const ROOT: u32 = 8;

const IVB = memory.data<u32>([IV0, IV1, IV2, IV3, IV4, IV5, IV6, IV7]);
const CV = memory.data(32, 16);
const BLOCK = memory.data(64, 16);
const PAR = memory.data(64, 16);
const STACK = memory.data(32 * 54, 16);

/** BLAKE3 of len bytes at msg; 32-byte digest to out. */
export function blake3(msg: usize, len: usize, out: usize): void {
  const nChunks = max<usize>(1, (len + 1023) >> 10);
  let sp: usize = 0;
  for (let c: usize = 0; c < nChunks; c++) {
    const chunkStart = c << 10;
    const chunkLen = min<usize>(1024, len - chunkStart);
    const nBlocks = max<usize>(1, (chunkLen + 63) >> 6);
    memory.copy(CV, IVB, 32);
    for (let b: usize = 0; b < nBlocks; b++) {
      const blockLen = min<usize>(64, chunkLen - (b << 6));
      const last = b == nBlocks - 1;
      const root = last && nChunks == 1;
      const flags = (b == 0 ? CHUNK_START : 0) | (last ? CHUNK_END : 0) | (root ? ROOT : 0);
      let m = msg + chunkStart + (b << 6);
      if (blockLen < 64) {
        memory.fill(BLOCK, 0, 64);
        memory.copy(BLOCK, m, blockLen);
        m = BLOCK;
      }
      compress(CV, m, <u64>c, <u32>blockLen, flags, root ? out : CV);
    }
    if (nChunks == 1) return;
    if (c < nChunks - 1) {
      // Lazy merge of completed subtrees (the chunk count's trailing zeros), as in the spec.
      for (let total = c + 1; (total & 1) == 0; total >>= 1) {
        sp--;
        parent(STACK + (sp << 5), CV, CV, PARENT);
      }
      memory.copy(STACK + (sp << 5), CV, 32);
      sp++;
    }
  }
  while (sp > 0) {
    sp--;
    parent(STACK + (sp << 5), CV, sp == 0 ? out : CV, sp == 0 ? PARENT | ROOT : PARENT);
  }
}

function parent(left: usize, right: usize, out: usize, flags: u32): void {
  memory.copy(PAR, left, 32);
  memory.copy(PAR + 32, right, 32);
  compress(IVB, PAR, 0, 64, flags, out);
}

/**
 * Leaf digests for nRows rows: leaf r = BLAKE3 of the canonical LE encodings of col_j[r] for
 * j < nCols, where colPtrs holds nCols u32 column pointers; `row` is 8 * nCols bytes of scratch.
 */
export function hashRows(colPtrs: usize, nCols: i32, nRows: i32, row: usize, out: usize): void {
  const len = <usize>nCols << 3;
  for (let r = 0; r < nRows; r++) {
    const k = <usize>r << 3;
    for (let j = 0; j < nCols; j++) {
      const col = <usize>load<u32>(colPtrs + (<usize>j << 2));
      store<u64>(row + (<usize>j << 3), canon(load<u64>(col + k)));
    }
    blake3(row, len, out + (<usize>r << 5));
  }
}

/** Parent level: out[j] = BLAKE3(children[2j] || children[2j+1]) for j < m (one compression each). */
export function hashLevel(children: usize, m: i32, out: usize): void {
  for (let j = 0; j < m; j++) {
    compress(IVB, children + (<usize>j << 6), 0, 64, CHUNK_START | CHUNK_END | ROOT, out + (<usize>j << 5));
  }
}
