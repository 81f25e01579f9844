// Shared helpers of the tensor interpreters: the typed-array kind of a tensor type, and
// resolution of dynamic dimensions from index operands.
import { RankedTensorType, DYNAMIC, dtypeOf, type DType, type Type } from "@zkmlir/core";

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
