import { Tensor, type DType, type TypedData } from "@zkmlir/core";
import { KernelError } from "../types.js";

/** Typed arrays holding JS numbers (every dtype but i64). */
export type NumData = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array;

export const INT_DTYPES: readonly DType[] = ["i8", "i16", "i32", "i64", "u8"];
export const FLOAT_DTYPES: readonly DType[] = ["f32", "f64"];
export const NUMERIC_DTYPES: readonly DType[] = [...FLOAT_DTYPES, ...INT_DTYPES];
export const ALL_DTYPES: readonly DType[] = [...NUMERIC_DTYPES, "i1"];

/** Input `i`, or a KernelError naming the op and the missing input. */
export function input(inputs: readonly (Tensor | undefined)[], i: number, op: string, name: string): Tensor {
  const t = inputs[i];
  if (!t) throw new KernelError(`${op}: missing required input ${i} '${name}'`);
  return t;
}

export function checkDtype(t: Tensor, allowed: readonly DType[], op: string, name: string): void {
  if (!allowed.includes(t.dtype)) throw new KernelError(`unsupported data type ${t.dtype} for input '${name}' of ${op}`);
}

export function sameDtype(a: Tensor, b: Tensor, op: string): void {
  if (a.dtype !== b.dtype) throw new KernelError(`${op}: input data types differ (${a.dtype} vs ${b.dtype})`);
}

export function numData(t: Tensor): NumData {
  if (t.data instanceof BigInt64Array) throw new Error("internal: numData on an i64 tensor");
  return t.data;
}

/** Integer tensor (i64/i32/...) as JS numbers, e.g. axes, shapes, pads. */
export function toInts(t: Tensor, op: string, name: string): number[] {
  if (t.dtype === "f32" || t.dtype === "f64" || t.dtype === "i1") {
    throw new KernelError(`${op}: input '${name}' must be an integer tensor, got ${t.dtype}`);
  }
  const out = new Array<number>(t.size);
  for (let i = 0; i < t.size; i++) out[i] = t.getNumber(i);
  return out;
}

/** A one-element tensor as a JS number (any numeric dtype). */
export function scalarOf(t: Tensor, op: string, name: string): number {
  if (t.size !== 1) throw new KernelError(`${op}: input '${name}' must hold exactly one element, has shape [${t.shape.join(",")}]`);
  return t.getNumber(0);
}

/** Resolve a possibly negative axis against `rank` (accepted range [-rank, rank-1]). */
export function normAxis(axis: number, rank: number, op: string): number {
  if (axis < -rank || axis >= rank) throw new KernelError(`${op}: axis ${axis} out of range for rank ${rank}`);
  return axis < 0 ? axis + rank : axis;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function fmtShape(s: readonly number[]): string {
  return `[${s.join(",")}]`;
}

/** Copy dst[k] = src[map[k]] (map entry -1 leaves dst[k] as pre-filled). Same dtype on both sides. */
export function gatherInto(dst: TypedData, src: TypedData, map: Int32Array): void {
  if (dst instanceof BigInt64Array) {
    const s = src as BigInt64Array;
    for (let k = 0; k < map.length; k++) { const j = map[k]!; if (j >= 0) dst[k] = s[j]!; }
  } else {
    const s = src as NumData;
    for (let k = 0; k < map.length; k++) { const j = map[k]!; if (j >= 0) dst[k] = s[j]!; }
  }
}

/** New tensor of `shape` whose element k is src[map[k]]; map -1 gives `fill` (default zero). */
export function takeByMap(src: Tensor, shape: readonly number[], map: Int32Array, fill?: number | bigint): Tensor {
  const out = new Tensor(src.dtype, shape);
  if (fill !== undefined) {
    if (out.data instanceof BigInt64Array) out.data.fill(BigInt(fill));
    else out.data.fill(Number(fill));
  }
  gatherInto(out.data, src.data, map);
  return out;
}

/** Copy `len` elements from src[srcOff..] to dst[dstOff..] (same dtype). */
export function copyRange(dst: TypedData, dstOff: number, src: TypedData, srcOff: number, len: number): void {
  // Both arrays have the same element type at run time; the cast only picks one `set` signature.
  (dst as Float64Array).set((src as Float64Array).subarray(srcOff, srcOff + len), dstOff);
}

/** Largest element count a kernel output may have (index maps are Int32Array). */
export const MAX_ELEMENTS = 2 ** 31 - 1;

/** Reject an output shape too large to allocate, before trying (a clear error, not a RangeError). */
export function checkOutputSize(shape: readonly number[], op: string): void {
  let n = 1;
  for (const d of shape) n *= d;
  if (n > MAX_ELEMENTS) throw new KernelError(`${op}: output shape ${fmtShape(shape)} has ${n} elements, more than ${MAX_ELEMENTS}`);
}
