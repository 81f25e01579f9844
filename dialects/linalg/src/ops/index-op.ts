// linalg.index: the current value of loop `dim` of the enclosing structured op.
import { defineOp, Operation, Pure, I64Attr, Index, IntegerAttr, IndexType, IntegerType } from "@zkmlir/core";
import { isStructured, structuredView } from "../structured/view.js";

export const IndexOp = defineOp({
  name: "linalg.index",
  summary: "linalg index operation",
  description: "Returns the index of loop `dim` of the enclosing structured op at the current iteration.",
  results: [{ name: "result", type: Index }],
  attributes: { dim: { constraint: I64Attr, doc: "loop dimension, 0 <= dim < number of loops" } },
  traits: [Pure],
  verify: (op) => {
    const parent = op.parentOp;
    if (!parent || !isStructured(parent)) return "expected parent op to be a structured linalg op";
    const d = (op.getAttr("dim") as IntegerAttr).value;
    const n = structuredView(parent).iterators.length;
    return d >= 0n && d < BigInt(n) ? undefined : `expected dim (${d}) to be lower than the number of loops (${n}) of the enclosing op`;
  },
  format: {
    print(op, p) {
      p.write(` ${(op.getAttr("dim") as IntegerAttr).value}`);
      p.printOptionalAttrDict(op, ["dim"]);
      p.write(" : index");
    },
    parse(p, name) {
      if (!p.is("integer")) return p.error("expected the loop dimension");
      const d = BigInt(p.lexer.text);
      p.lexer.next();
      const attrs = p.parseOptionalAttrDict();
      p.parseColonType();
      return Operation.create({ name, resultTypes: [IndexType.get()], properties: { dim: IntegerAttr.get(d, IntegerType.get(64)) }, attributes: attrs });
    },
  },
});
