// Fixed-width integer semantics on bigint (MLIR's APInt). Storage: values are kept
// sign-normalized, except i1 which is stored 0/1 (its unsigned view, printed false/true).
// Signed interpretations go through toSigned: as in upstream MLIR, i1 `true` is -1 there
// (extsi, sitofp, index_cast, cmpi s*, divsi/remsi/shrsi, maxsi/minsi).
import { IndexType, IntegerType, type Type } from "@zkmlir/core";

export function widthOf(t: Type): number {
  if (t instanceof IndexType) return 64;
  if (t instanceof IntegerType) return t.width;
  throw new Error(`not an integer type: ${t.key}`);
}

/** The stored form of `v` at width `w`. */
export function norm(v: bigint, width: number): bigint {
  return width === 1 ? v & 1n : BigInt.asIntN(width, v);
}
/** The signed (two's complement) view of `v` at width `w`: i1 true is -1. */
export function toSigned(v: bigint, width: number): bigint {
  return BigInt.asIntN(width, v);
}
/** The unsigned view of `v` at width `w`. */
export function toUnsigned(v: bigint, width: number): bigint {
  return BigInt.asUintN(width, v);
}
