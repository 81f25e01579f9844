import { defineOp, StringAttr, HasParent, Operation, Pure, ReturnLike, Terminator, type OpParser, type UnresolvedOperand, type Value } from "@zkmlir/core";
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
  format: {
    print(op, p) {
      if (!op.operands.length) return;
      p.write(" ");
      p.printOperands(op.operandValues);
      p.write(` : ${op.operandValues.map((v) => v.type.key).join(", ")}`);
    },
    parse(p, name) {
      return parseOperandsColonTypes(p, name);
    },
  },
});

/** `%a, %b : t1, t2` or nothing. */
function parseOperandsColonTypes(p: OpParser, name: string): Operation {
  const refs: UnresolvedOperand[] = [];
  if (p.is("percent_id")) {
    do refs.push(p.parseOperandRef());
    while (p.consume(","));
  }
  const operands: Value[] = [];
  if (refs.length) {
    p.expect(":");
    for (let i = 0; i < refs.length; i++) {
      if (i) p.expect(",");
      operands.push(p.resolveOperand(refs[i]!, p.parseType()));
    }
  }
  return Operation.create({ name, operands });
}
