// MerkleKernels backed by the WebAssembly module: columns are copied in blocks of rows, all
// digests (leaves and levels, 2n * 32 bytes) live in linear memory until copied out at the end.
import type { MerkleKernels } from "../merkle/backend.js";
import type { FVec } from "../field/vec-types.js";
import type { KernelExports } from "./instance.js";
import type { WasmArena } from "./arena.js";

/** Rows per block: keeps the column scratch small (block * width * 8 bytes). */
const BLOCK_ROWS = 1 << 12;

export function makeWasmMerkleKernels(ex: KernelExports, arena: WasmArena): MerkleKernels {
  return {
    name: "wasm",
    buildLevels(cols: readonly FVec[], height: number): Uint32Array[] {
      const n = cols[0]!.length, w = cols.length;
      const block = Math.min(n, BLOCK_ROWS);
      arena.reset();
      // Level k has n >> k digests of 4 u64 words; allocate them contiguously.
      const levelPtrs: number[] = [];
      for (let k = 0; k <= height; k++) levelPtrs.push(arena.alloc(4 * (n >> k)));
      const colPtrs = arena.alloc(Math.ceil(w / 2));
      const colData = arena.alloc(block * w);
      const row = arena.alloc(w);
      const ptrs = arena.viewU32(colPtrs, w);
      for (let j = 0; j < w; j++) ptrs[j] = colData + 8 * block * j;
      for (let r0 = 0; r0 < n; r0 += block) {
        for (let j = 0; j < w; j++) arena.view(colData + 8 * block * j, block).set(cols[j]!.subarray(r0, r0 + block));
        ex.hashRows(colPtrs, w, block, row, levelPtrs[0]! + 32 * r0);
      }
      for (let k = 1; k <= height; k++) ex.hashLevel(levelPtrs[k - 1]!, n >> k, levelPtrs[k]!);
      return levelPtrs.map((p, k) => arena.viewU32(p, 8 * (n >> k)).slice());
    },
  };
}
