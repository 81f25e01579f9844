// Fixed-width integer semantics on bigint (MLIR's APInt): values are kept sign-normalized,
// except i1 which is 0/1.
import { IndexType, IntegerType, type Type } from "@zkmlir/core";

export function widthOf(t: Type): number {
  if (t instanceof IndexType) return 64;
  if (t instanceof IntegerType) return t.width;
  throw new Error(`not an integer type: ${t.key}`);
}

export function norm(v: bigint, width: number): bigint {
  return width === 1 ? v & 1n : BigInt.asIntN(width, v);
}
export function toUnsigned(v: bigint, width: number): bigint {
  return BigInt.asUintN(width, v);
}
