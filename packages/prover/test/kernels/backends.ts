// Backends to run the kernel tests against: plain TS always, WebAssembly when it loads.
import { tsKernels, type VecKernels } from "../../src/field/backend.js";
import { tsNttKernels, type NttKernels } from "../../src/ntt/backend.js";
import { wasmBackends } from "../../src/wasm/index.js";

export function availableBackends(): [string, VecKernels][] {
  return availableFullBackends().map(([name, v]) => [name, v]);
}

export function availableFullBackends(): [string, VecKernels, NttKernels][] {
  const wasm = wasmBackends();
  // WebAssembly must load under node: a null here is a failure, not a skip.
  if (wasm === null) throw new Error("WebAssembly kernels failed to load");
  return [["ts", tsKernels, tsNttKernels], ["wasm", wasm.vec, wasm.ntt]];
}
