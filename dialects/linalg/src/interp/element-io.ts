// Reading and writing tensor elements in the reference domain's scalar representation: floats
// as numbers, every integer type (i1 and index included) as bigint.
import { Tensor, type DType, type TypedData } from "@zkmlir/core";

export type Reader = (data: TypedData, i: number) => unknown;
export type Writer = (data: TypedData, i: number, v: unknown) => void;

const raw: Reader = (d, i) => d[i];
const toBig: Reader = (d, i) => BigInt(d[i] as number);

export function readerFor(dt: DType): Reader {
  return dt === "f32" || dt === "f64" || dt === "i64" ? raw : toBig;
}

export function writerFor(dt: DType): Writer {
  if (dt === "f32" || dt === "f64") return (d, i, v) => { (d as Float64Array)[i] = v as number; };
  if (dt === "i64") return (d, i, v) => { (d as BigInt64Array)[i] = v as bigint; };
  return (d, i, v) => { (d as Int32Array)[i] = Number(v as bigint); };
}

/** A fresh tensor holding a copy of `t` (outputs are values: never mutate an operand). */
export function cloneTensor(t: Tensor): Tensor {
  return new Tensor(t.dtype, t.shape, t.data.slice());
}

export function asTensor(opName: string, v: unknown, what: string): Tensor {
  if (!(v instanceof Tensor)) throw new Error(`${opName}: ${what} must be a tensor value`);
  return v;
}
