// NTT-family kernels behind one interface, implemented in plain TS and in WebAssembly.
import type { FVec } from "../field/vec-types.js";
import type { Ext } from "../field/ext3.js";
import { tsNtt } from "./ntt-ts.js";
import { tsEvalPolyExt } from "./eval-ts.js";

export interface NttKernels {
  readonly name: string;
  /** Forward NTT in place, natural order; length a power of two (checked by the caller). */
  ntt(v: FVec): void;
  /** Horner evaluation at a canonical extension point. */
  evalPolyExt(coeffs: FVec, x: Ext): Ext;
}

export const tsNttKernels: NttKernels = { name: "ts", ntt: tsNtt, evalPolyExt: tsEvalPolyExt };

let active: NttKernels = tsNttKernels;

export function nttKernels(): NttKernels {
  return active;
}

export function setNttKernels(k: NttKernels): NttKernels {
  const prev = active;
  active = k;
  return prev;
}
