// Integer math ops: absi and ipowi (no fastmath).
import { defineOp, Pure, SameOperandsAndResultType, SignlessIntegerOrIndexLike, type OpDef } from "@zkmlir/core";
import { mathFormat } from "./format.js";

export const AbsIOp: OpDef = defineOp({
  name: "math.absi",
  summary: "integer absolute-value operation",
  operands: [{ name: "operand", type: SignlessIntegerOrIndexLike }],
  results: [{ name: "result", type: SignlessIntegerOrIndexLike }],
  traits: [Pure, SameOperandsAndResultType],
  format: mathFormat(false, 1),
});

export const IPowIOp: OpDef = defineOp({
  name: "math.ipowi",
  summary: "signed integer raised to the power of operation",
  operands: [{ name: "lhs", type: SignlessIntegerOrIndexLike }, { name: "rhs", type: SignlessIntegerOrIndexLike }],
  results: [{ name: "result", type: SignlessIntegerOrIndexLike }],
  traits: [Pure, SameOperandsAndResultType],
  format: mathFormat(false, 1),
});
