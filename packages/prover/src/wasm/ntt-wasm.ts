// NttKernels backed by the WebAssembly module.
import type { NttKernels } from "../ntt/backend.js";
import type { FVec } from "../field/vec-types.js";
import type { Ext } from "../field/ext3.js";
import { rootOfUnity } from "../field/goldilocks.js";
import type { KernelExports } from "./instance.js";
import type { WasmArena } from "./arena.js";

export function makeWasmNttKernels(ex: KernelExports, arena: WasmArena): NttKernels {
  return {
    name: "wasm",
    ntt(v: FVec): void {
      const logN = 31 - Math.clz32(v.length);
      const tw = arena.twiddles(logN, rootOfUnity);
      arena.reset();
      const p = arena.copyIn(v);
      ex.ntt(p, logN, tw);
      arena.copyOut(p, v);
    },
    evalPolyExt(coeffs: FVec, x: Ext): Ext {
      arena.reset();
      const p = arena.copyIn(coeffs), out = arena.alloc(3);
      ex.evalPolyExt(p, coeffs.length, x[0], x[1], x[2], out);
      const r = arena.view(out, 3);
      return [r[0]!, r[1]!, r[2]!];
    },
  };
}
