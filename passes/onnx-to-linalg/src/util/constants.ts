// Compile-time values of operands: onnx.Constant / arith.constant producers (looked through
// conversion casts), as dense attributes or plain number lists.
import { DenseElementsAttr, type Value } from "@zkmlir/core";
import { constantDenseValue } from "@zkmlir/onnx-dialect";

export function constantOf(v: Value | undefined): DenseElementsAttr | undefined {
  let d = v?.definingOp;
  while (d && d.name === "builtin.unrealized_conversion_cast" && d.operands.length === 1) d = d.operand(0).definingOp;
  if (!d) return undefined;
  if (d.name === "onnx.Constant") return constantDenseValue(d);
  if (d.name === "arith.constant") {
    const a = d.getAttr("value");
    return a instanceof DenseElementsAttr ? a : undefined;
  }
  return undefined;
}

/** The elements of a constant operand as numbers (undefined when not constant). */
export function constantNumbers(v: Value | undefined): number[] | undefined {
  const c = constantOf(v);
  if (!c) return undefined;
  return Array.from(c.values() as ArrayLike<number | bigint>, (x) => Number(x));
}
