// linalg.yield: terminates the body of a structured op with the new output elements.
import { defineOp, Operation, Pure, ReturnLike, Terminator, type Trait, type UnresolvedOperand, type Value } from "@zkmlir/core";
import { isStructured } from "../structured/view.js";

const InStructuredOp: Trait = {
  name: "HasParent<linalg structured op>",
  verify: (op) => (op.parentOp && isStructured(op.parentOp) ? undefined : "expects parent op to be a structured linalg op (generic, fill, matmul, ...)"),
};

export const YieldOp = defineOp({
  name: "linalg.yield",
  summary: "Linalg yield operation",
  description: "Yields one value per output of the enclosing structured op; their types are the outputs' element types (checked by the parent).",
  operands: [{ name: "values", arity: "variadic" }],
  traits: [Pure, ReturnLike, Terminator, InStructuredOp],
  format: {
    print(op, p) {
      p.printOptionalAttrDict(op);
      if (!op.operands.length) return;
      p.write(" ");
      p.printOperands(op.operandValues);
      p.write(` : ${op.operandValues.map((v) => v.type.key).join(", ")}`);
    },
    parse(p, name) {
      const attrs = p.parseOptionalAttrDict();
      const refs: UnresolvedOperand[] = [];
      if (p.is("percent_id")) {
        do refs.push(p.parseOperandRef());
        while (p.consume(","));
      }
      const values: Value[] = [];
      if (refs.length) {
        p.expect(":");
        refs.forEach((r, i) => {
          if (i) p.expect(",");
          values.push(p.resolveOperand(r, p.parseType()));
        });
      }
      return Operation.create({ name, operands: values, attributes: attrs });
    },
  },
});
