// NTT-family kernels behind one interface, implemented in plain TS and in WebAssembly.
import type { FVec } from "../field/vec-types.js";
import type { Ext } from "../field/ext3.js";
import { tsNtt } from "./ntt-ts.js";
import { tsEvalPolyExt } from "./eval-ts.js";
import { wasmBackends } from "../wasm/index.js";

export interface NttKernels {
  readonly name: string;
  /** Forward NTT in place, natural order; length a power of two (checked by the caller). */
  ntt(v: FVec): void;
  /** Horner evaluation at a canonical extension point. */
  evalPolyExt(coeffs: FVec, x: Ext): Ext;
}

export const tsNttKernels: NttKernels = { name: "ts", ntt: tsNtt, evalPolyExt: tsEvalPolyExt };

/** WebAssembly when it can be instantiated here, else plain TS. */
let active: NttKernels = wasmBackends()?.ntt ?? tsNttKernels;

export function nttKernels(): NttKernels {
  return active;
}

export function setNttKernels(k: NttKernels): NttKernels {
  const prev = active;
  active = k;
  return prev;
}
