// linalg.yield: terminates the body of a structured op with the new output elements.
import { defineOp, Pure, ReturnLike, Terminator, returnLikeFormat, type Trait } from "@zkmlir/core";
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
  format: returnLikeFormat,
});
