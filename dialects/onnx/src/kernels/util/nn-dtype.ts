import type { DType, Tensor } from "@zkmlir/core";
import { KernelError } from "../types.js";

export type FloatData = Float32Array | Float64Array;
export type NumberData = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array;

/** Float payload of `t`; other dtypes are unsupported for float-only operators. */
export function floatData(op: string, t: Tensor, name: string): FloatData {
  if (t.dtype !== "f32" && t.dtype !== "f64") {
    throw new KernelError(`unsupported data type ${t.dtype} for ${op} input ${name} (float32/float64 only)`);
  }
  return t.data as FloatData;
}

/** Check a dtype against an operator's allowed list. */
export function checkDType(op: string, t: Tensor, name: string, allowed: readonly DType[]): void {
  if (!allowed.includes(t.dtype)) {
    throw new KernelError(`unsupported data type ${t.dtype} for ${op} input ${name} (allowed: ${allowed.join(", ")})`);
  }
}

export function sameDType(op: string, a: Tensor, b: Tensor, names: string): void {
  if (a.dtype !== b.dtype) throw new KernelError(`${op}: ${names} must have the same data type, got ${a.dtype} and ${b.dtype}`);
}

export const NUMERIC: readonly DType[] = ["f32", "f64", "i8", "i16", "i32", "i64", "u8"];
export const FLOATS: readonly DType[] = ["f32", "f64"];

/** Wrap an exact integer into an integer dtype the way a store into its typed array would. */
export function wrapInt(dtype: DType, v: number): number {
  switch (dtype) {
    case "i32": return v | 0;
    case "i16": return (v << 16) >> 16;
    case "i8": return (v << 24) >> 24;
    case "u8": return v & 255;
    default: return v;
  }
}
