// NTT-family kernels behind one interface, implemented in plain TS and in WebAssembly.
import type { FVec, EVec } from "../field/vec-types.js";
import type { Ext } from "../field/ext3.js";
import { tsKernels } from "../field/backend.js";
import { tsNtt } from "./ntt-ts.js";
import { tsEvalPolyExt, tsDivideByLinearExt } from "./eval-ts.js";
import { wasmBackends } from "../wasm/index.js";

/** Arguments are validated and canonical (scalars) by the callers in ntt.ts. */
export interface NttKernels {
  readonly name: string;
  /** Forward NTT in place, natural order; length a power of two. */
  ntt(v: FVec): void;
  /** v[i] *= shift^i in place. */
  scaleByPowers(v: FVec, shift: bigint): void;
  /**
   * Evaluations of the n coefficients on shift * <w_{n 2^logBlowup}>, natural order: into `out`
   * when given (final values only, never scratch: a task may be run twice at once), else a new array.
   */
  lde(coeffs: FVec, logBlowup: number, shift: bigint, out?: FVec): FVec;
  /** Horner evaluation at a canonical extension point. */
  evalPolyExt(coeffs: FVec, x: Ext): Ext;
  /** Several polynomials at one extension point. */
  evalPolysExt(polys: readonly FVec[], x: Ext): Ext[];
  /** Quotient of the extension polynomial s by (X - z), remainder dropped; same length as s. */
  divideByLinearExt(s: EVec, z: Ext): EVec;
}

function tsScaleByPowers(v: FVec, shift: bigint): void {
  const pw = new BigUint64Array(v.length);
  tsKernels.powers(pw, shift);
  tsKernels.mul(v, v, pw);
}

export const tsNttKernels: NttKernels = {
  name: "ts",
  ntt: tsNtt,
  scaleByPowers: tsScaleByPowers,
  lde(coeffs, logBlowup, shift, out) {
    const v = new BigUint64Array(coeffs.length << logBlowup);
    v.set(coeffs);
    tsScaleByPowers(v.subarray(0, coeffs.length), shift);
    tsNtt(v);
    if (out === undefined) return v;
    out.set(v);
    return out;
  },
  evalPolyExt: tsEvalPolyExt,
  evalPolysExt: (polys, x) => polys.map((c) => tsEvalPolyExt(c, x)),
  divideByLinearExt: tsDivideByLinearExt,
};

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
