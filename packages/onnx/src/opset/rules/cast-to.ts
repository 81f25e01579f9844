// Cast-1 named the target type as a string ("FLOAT"); Cast-6 uses the DataType number.
import { OnnxGraphError } from "../../errors.js";
import type { Rewrite } from "../context.js";

const NAMES: Readonly<Record<string, number>> = {
  FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, STRING: 8, BOOL: 9,
  FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13, COMPLEX64: 14, COMPLEX128: 15, BFLOAT16: 16,
};

export const castTo: Rewrite = (node, ctx) => {
  const to = node.attrs.to;
  if (typeof to !== "string") return [node];
  const code = NAMES[to.toUpperCase()];
  if (code === undefined) throw new OnnxGraphError(`${ctx.where}: unknown Cast target type '${to}'`);
  return [{ ...node, attrs: { ...node.attrs, to: code } }];
};
