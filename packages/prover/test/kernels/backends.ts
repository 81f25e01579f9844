// Backends to run the kernel tests against: plain TS always, WebAssembly when it loads.
import { tsKernels, type VecKernels } from "../../src/field/backend.js";
import { tsNttKernels, type NttKernels } from "../../src/ntt/backend.js";

export function availableBackends(): [string, VecKernels][] {
  return availableFullBackends().map(([name, v]) => [name, v]);
}

export function availableFullBackends(): [string, VecKernels, NttKernels][] {
  return [["ts", tsKernels, tsNttKernels]];
}
