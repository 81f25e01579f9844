// Backends to run the vector tests against: plain TS always, WebAssembly when it loads.
import { tsKernels, type VecKernels } from "../../src/field/backend.js";

export function availableBackends(): [string, VecKernels][] {
  return [["ts", tsKernels]];
}
