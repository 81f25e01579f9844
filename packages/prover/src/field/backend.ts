// The set of vector kernels, implemented twice (plain TS and WebAssembly) behind one interface.
import type { FVec, EVec } from "./vec-types.js";
import type { Ext } from "./ext3.js";
import * as ts from "./vec-ts.js";
import * as scan from "./scan-ts.js";
import { wasmBackends } from "../wasm/index.js";

/** Scalars passed to kernels are canonical; lengths were checked by the caller. */
export interface VecKernels {
  readonly name: string;
  add(out: FVec, a: FVec, b: FVec): void;
  sub(out: FVec, a: FVec, b: FVec): void;
  mul(out: FVec, a: FVec, b: FVec): void;
  scale(out: FVec, a: FVec, s: bigint): void;
  addScalar(out: FVec, a: FVec, s: bigint): void;
  batchInverse(out: FVec, a: FVec): void;
  powers(out: FVec, base: bigint): void;
  evAdd(out: EVec, a: EVec, b: EVec): void;
  evSub(out: EVec, a: EVec, b: EVec): void;
  evMul(out: EVec, a: EVec, b: EVec): void;
  evMulBase(out: EVec, a: EVec, b: FVec): void;
  evScale(out: EVec, a: EVec, s: Ext): void;
  evBatchInverse(out: EVec, a: EVec): void;
  /** out = sum_j coeffs[j] * cols[j] (extension scalars, base columns; at least one column). */
  evLinComb(out: EVec, cols: readonly FVec[], coeffs: readonly Ext[]): void;
  /** out[i] = acc * a[0..i) (exclusive prefix product); returns acc * (product of all). */
  evPrefixProduct(out: EVec, a: EVec, acc: Ext): Ext;
  /** out[i] = acc + a[0..i) (exclusive prefix sum); returns acc + (sum of all). */
  evPrefixSum(out: EVec, a: EVec, acc: Ext): Ext;
  /** out += s * a. */
  evAxpy(out: EVec, a: EVec, s: Ext): void;
  /** out += s * b for a base vector b. */
  evAxpyBase(out: EVec, b: FVec, s: Ext): void;
}

export const tsKernels: VecKernels = {
  name: "ts",
  add: ts.tsAdd,
  sub: ts.tsSub,
  mul: ts.tsMul,
  scale: ts.tsScale,
  addScalar: ts.tsAddScalar,
  batchInverse: ts.tsBatchInverse,
  powers: ts.tsPowers,
  evAdd: ts.tsEvAdd,
  evSub: ts.tsEvSub,
  evMul: ts.tsEvMul,
  evMulBase: ts.tsEvMulBase,
  evScale: ts.tsEvScale,
  evBatchInverse: ts.tsEvBatchInverse,
  evLinComb: ts.tsEvLinComb,
  evPrefixProduct: scan.tsEvPrefixProduct,
  evPrefixSum: scan.tsEvPrefixSum,
  evAxpy: scan.tsEvAxpy,
  evAxpyBase: scan.tsEvAxpyBase,
};

/** WebAssembly when it can be instantiated here, else plain TS. */
let active: VecKernels = wasmBackends()?.vec ?? tsKernels;

export function kernels(): VecKernels {
  return active;
}

/** Select the backend (tests and benches compare them); returns the previous one. */
export function setKernels(k: VecKernels): VecKernels {
  const prev = active;
  active = k;
  return prev;
}
