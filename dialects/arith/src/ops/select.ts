import { defineOp, Operation, IntegerAttr, IntegerType, Pure, BoolLike, AnyType } from "@zkmlir/core";
import { boolLike } from "./compare.js";

export const SelectOp = defineOp({
  name: "arith.select",
  summary: "select operation",
  operands: [{ name: "condition", type: BoolLike }, { name: "true_value", type: AnyType }, { name: "false_value", type: AnyType }],
  results: [{ name: "result", type: AnyType }],
  traits: [Pure],
  verify: (op) => {
    const t = op.result(0).type;
    if (op.operand(1).type !== t || op.operand(2).type !== t) return "requires the same type for true/false values and the result";
    const c = op.operand(0).type;
    if (c.key !== "i1" && c !== boolLike(t)) return `condition must be i1 or ${boolLike(t).key}`;
    return undefined;
  },
  fold: (op, [c]) => {
    if (op.operand(1) === op.operand(2)) return [op.operand(1)];
    if (c instanceof IntegerAttr) return [op.operand(c.value ? 1 : 2)];
    return undefined;
  },
  format: {
    print(op, p) {
      p.write(" ");
      p.printOperands(op.operandValues);
      p.printOptionalAttrDict(op);
      const c = op.operand(0).type;
      p.write(c.key === "i1" ? ` : ${op.result(0).type.key}` : ` : ${c.key}, ${op.result(0).type.key}`);
    },
    parse(p, name) {
      const refs = [p.parseOperandRef()];
      p.expect(",");
      refs.push(p.parseOperandRef());
      p.expect(",");
      refs.push(p.parseOperandRef());
      const attrs = p.parseOptionalAttrDict();
      // `: t` means an i1 condition; `: cond_t, t` names the condition type.
      const first = p.parseColonType();
      const t = p.consume(",") ? p.parseType() : first;
      const condType = t === first ? IntegerType.get(1) : first;
      const cond = p.resolveOperand(refs[0]!, condType);
      return Operation.create({ name, operands: [cond, p.resolveOperand(refs[1]!, t), p.resolveOperand(refs[2]!, t)], resultTypes: [t], attributes: attrs });
    },
  },
});
