// Shared helpers of the tensor interpreters: the typed-array kind of a tensor type, resolution of
// dynamic dimensions, and element access in the reference domain's scalars (floats as numbers,
// every integer type, i1 and index included, as bigint).
import { RankedTensorType, DYNAMIC, dtypeOf, Tensor, type DType, type Type } from "@zkmlir/core";

/** The DType backing a ranked tensor type's elements, or an error naming the op and the type. */
export function dtypeFor(opName: string, t: Type): DType {
  if (!(t instanceof RankedTensorType)) throw new Error(`${opName}: expected a ranked tensor type, got '${t.key}'`);
  const dt = dtypeOf(t.elementType);
  if (!dt) throw new Error(`${opName}: unsupported element type '${t.elementType.key}'`);
  return dt;
}

/** The concrete shape of `t`, taking `?` dimensions from `dynamic` in order. */
export function concreteShape(opName: string, t: RankedTensorType, dynamic: readonly unknown[]): number[] {
  let k = 0;
  return t.shape.map((d) => {
    if (d !== DYNAMIC) return d;
    const v = Number(dynamic[k++] as bigint | number);
    if (!Number.isInteger(v) || v < 0) throw new Error(`${opName}: dynamic size ${v} is not a valid dimension`);
    return v;
  });
}

export function readElem(t: Tensor, i: number): number | bigint {
  const v = t.data[i]!;
  return typeof v === "number" && t.dtype !== "f32" && t.dtype !== "f64" ? BigInt(v) : v;
}

export function writeElem(t: Tensor, i: number, v: unknown): void {
  if (t.dtype === "f32" || t.dtype === "f64") (t.data as Float64Array)[i] = v as number;
  else if (t.dtype === "i64") (t.data as BigInt64Array)[i] = v as bigint;
  else (t.data as Int32Array)[i] = Number(v as bigint);
}

/** Row-major offset of `idx` in `shape`, with a bounds check naming the op. */
export function offsetOf(opName: string, shape: readonly number[], idx: readonly number[]): number {
  let off = 0;
  for (let k = 0; k < shape.length; k++) {
    const i = idx[k]!;
    if (!(i >= 0 && i < shape[k]!)) throw new Error(`${opName}: index ${i} is out of bounds for dimension ${k} of size ${shape[k]}`);
    off = off * shape[k]! + i;
  }
  return off;
}

/** Calls `f` with every index tuple of `shape` in row-major order. */
export function forEachIndex(shape: readonly number[], f: (idx: number[], linear: number) => void): void {
  const n = shape.length;
  if (shape.some((d) => d === 0)) return;
  const idx = new Array<number>(n).fill(0);
  for (let lin = 0; ; lin++) {
    f(idx, lin);
    let k = n - 1;
    for (; k >= 0; k--) {
      if (++idx[k]! < shape[k]!) break;
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}
