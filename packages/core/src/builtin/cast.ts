// builtin.unrealized_conversion_cast: the bridge materialized by dialect conversion between
// type systems; a complete lowering leaves none behind.
import { defineOp } from "../ir/opdef.js";
import { Pure } from "../ir/traits.js";

export const UnrealizedConversionCastOp = defineOp({
  name: "builtin.unrealized_conversion_cast",
  summary: "An unrealized conversion from one set of types to another",
  operands: [{ name: "inputs", arity: "variadic" }],
  results: [{ name: "outputs", arity: "variadic" }],
  traits: [Pure],
  fold: (op) => {
    // cast(cast(x : A -> B) : B -> A) folds to x.
    const src = op.operands[0]?.value.definingOp;
    if (op.operands.length === 1 && op.results.length === 1 && src?.name === op.name && src.operands.length === 1 && src.operand(0).type === op.result(0).type) {
      return [src.operand(0)];
    }
    return undefined;
  },
});
