// Merkle hashing kernels (leaf rows and parent levels) in plain TS and in WebAssembly.
import { compress, IV, CHUNK_START, CHUNK_END, ROOT } from "../hash/blake3-compress.js";
import { blake3Words } from "../hash/blake3.js";
import type { FVec } from "../field/vec-types.js";
import { wasmBackends } from "../wasm/index.js";

export interface MerkleKernels {
  readonly name: string;
  /**
   * levels[0] = leaf digests (8 words each; leaf i hashes row i of `cols`, canonicalized),
   * levels[k] = parents of levels[k-1], for k = 0..height. Column lengths are equal powers of two.
   */
  buildLevels(cols: readonly FVec[], height: number): Uint32Array[];
}

function tsLeaves(cols: readonly FVec[]): Uint32Array {
  const n = cols[0]!.length, w = cols.length;
  const limbCols = cols.map((c) => new Uint32Array(c.buffer, c.byteOffset, 2 * c.length));
  const row = new Uint32Array(2 * w);
  const out = new Uint32Array(8 * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < w; j++) {
      const c = limbCols[j]!;
      let lo = c[2 * i]!, hi = c[2 * i + 1]!;
      if (hi === 0xffffffff && lo !== 0) {
        hi = 0; // non-canonical x in [p, 2^64): x - p = lo - 1
        lo -= 1;
      }
      row[2 * j] = lo;
      row[2 * j + 1] = hi;
    }
    blake3Words(row, 0, 8 * w, out, 8 * i);
  }
  return out;
}

/** Parent level: node j = BLAKE3(child 2j || child 2j+1); the two children are 16 adjacent words. */
export function tsHashLevel(children: Uint32Array): Uint32Array {
  const m = children.length / 16;
  const out = new Uint32Array(8 * m);
  for (let j = 0; j < m; j++) compress(IV, 0, children, 16 * j, 0, 64, CHUNK_START | CHUNK_END | ROOT, out, 8 * j);
  return out;
}

export const tsMerkleKernels: MerkleKernels = {
  name: "ts",
  buildLevels(cols, height) {
    const levels = [tsLeaves(cols)];
    for (let k = 1; k <= height; k++) levels.push(tsHashLevel(levels[k - 1]!));
    return levels;
  },
};

let active: MerkleKernels = wasmBackends()?.merkle ?? tsMerkleKernels;

export function merkleKernels(): MerkleKernels {
  return active;
}

export function setMerkleKernels(k: MerkleKernels): MerkleKernels {
  const prev = active;
  active = k;
  return prev;
}
