import {
  defineOp, FunctionType, Operation, SymbolRefAttr, FlatSymbolRefAttrC, lookupSymbol, printSymbolName,
} from "@zkmlir/core";
import { functionType } from "./func.js";

export const CallOp = defineOp({
  name: "func.call",
  summary: "Call operation",
  operands: [{ name: "operands", arity: "variadic" }],
  results: [{ name: "results", arity: "variadic" }],
  attributes: { callee: { constraint: FlatSymbolRefAttrC } },
  verify: (op) => {
    const callee = op.getAttr("callee") as SymbolRefAttr;
    const fn = lookupSymbol(op, callee);
    if (!fn || fn.name !== "func.func") return `'${callee.root}' does not reference a valid function`;
    const ft = functionType(fn);
    if (ft.inputs.length !== op.operands.length) return "incorrect number of operands for callee";
    if (ft.inputs.some((t, i) => t !== op.operand(i).type)) return "operand type mismatch with callee";
    if (ft.results.length !== op.results.length || ft.results.some((t, i) => t !== op.result(i).type)) return "result type mismatch with callee";
    return undefined;
  },
  format: {
    print(op, p) {
      p.write(" " + printSymbolName((op.getAttr("callee") as SymbolRefAttr).root) + "(");
      p.printOperands(op.operandValues);
      p.write(")");
      p.printOptionalAttrDict(op, ["callee"]);
      p.write(" : " + FunctionType.get(op.operandValues.map((v) => v.type), op.resultTypes).key);
    },
    parse(p, name) {
      const callee = new SymbolRefAttr(p.parseSymbolName());
      const refs = p.parseParenOperandRefs();
      const attrs = p.parseOptionalAttrDict();
      const ft = p.parseColonType();
      if (!(ft instanceof FunctionType) || ft.inputs.length !== refs.length) return p.error("expected a function type matching the call operands");
      const operands = refs.map((r, i) => p.resolveOperand(r, ft.inputs[i]!));
      return Operation.create({ name, operands, resultTypes: ft.results, properties: { callee }, attributes: attrs });
    },
  },
});
