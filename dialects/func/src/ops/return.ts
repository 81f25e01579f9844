import { defineOp, StringAttr, HasParent, Operation, Pure, ReturnLike, Terminator, returnLikeFormat } from "@zkmlir/core";
import { functionType } from "./func.js";

const symName = (f: Operation): string => (f.getAttr("sym_name") as StringAttr).value;

export const ReturnOp = defineOp({
  name: "func.return",
  summary: "Function return operation",
  operands: [{ name: "operands", arity: "variadic" }],
  traits: [Pure, ReturnLike, Terminator, HasParent("func.func")],
  verify: (op) => {
    const ft = functionType(op.parentOp!);
    if (op.operands.length !== ft.results.length) return `has ${op.operands.length} operands, but enclosing function (@${symName(op.parentOp!)}) returns ${ft.results.length}`;
    for (let i = 0; i < ft.results.length; i++) {
      if (op.operand(i).type !== ft.results[i]) return `type of return operand ${i} ('${op.operand(i).type.key}') doesn't match function result type ('${ft.results[i]!.key}') in function @${symName(op.parentOp!)}`;
    }
    return undefined;
  },
  format: returnLikeFormat,
});
