// The WebAssembly backend: null-safe accessors (null when WebAssembly cannot be used here).
import type { VecKernels } from "../field/backend.js";
import type { NttKernels } from "../ntt/backend.js";
import type { MerkleKernels } from "../merkle/backend.js";
import { kernelExports } from "./instance.js";
import { WasmArena } from "./arena.js";
import { makeWasmVecKernels } from "./vec-wasm.js";
import { makeWasmNttKernels } from "./ntt-wasm.js";
import { makeWasmMerkleKernels } from "./merkle-wasm.js";

export interface WasmBackends {
  readonly vec: VecKernels;
  readonly ntt: NttKernels;
  readonly merkle: MerkleKernels;
}

let backends: WasmBackends | null | undefined;

export function wasmBackends(): WasmBackends | null {
  if (backends === undefined) {
    const ex = kernelExports();
    if (ex === null) {
      backends = null;
    } else {
      const arena = new WasmArena(ex);
      backends = {
        vec: makeWasmVecKernels(ex, arena),
        ntt: makeWasmNttKernels(ex, arena),
        merkle: makeWasmMerkleKernels(ex, arena),
      };
    }
  }
  return backends;
}
