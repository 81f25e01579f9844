// The textual form shared by terminators that pass values on (func.return, scf.yield,
// linalg.yield, tensor.yield): `attr-dict ($operands^ `:` type($operands))?` in ODS terms,
// e.g. `linalg.yield %a, %b : f32, i32`, or just the name when there are no operands.
import { Operation } from "../ir/operation.js";
import type { Value } from "../ir/value.js";
import type { CustomFormat } from "../ir/opdef.js";
import type { OpParser, UnresolvedOperand } from "./parser.js";
import type { OpPrinter } from "./printer.js";

export const returnLikeFormat: CustomFormat = {
  print(op: Operation, p: OpPrinter) {
    p.printOptionalAttrDict(op);
    if (!op.operands.length) return;
    p.write(" ");
    p.printOperands(op.operandValues);
    p.write(` : ${op.operandValues.map((v) => v.type.key).join(", ")}`);
  },
  parse(p: OpParser, name: string): Operation {
    const attributes = p.parseOptionalAttrDict();
    const refs: UnresolvedOperand[] = [];
    if (p.is("percent_id")) {
      do refs.push(p.parseOperandRef());
      while (p.consume(","));
    }
    const operands: Value[] = [];
    if (refs.length) {
      p.expect(":");
      refs.forEach((r, i) => {
        if (i) p.expect(",");
        operands.push(p.resolveOperand(r, p.parseType()));
      });
    }
    return Operation.create({ name, operands, attributes });
  },
};
