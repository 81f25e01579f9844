// tensor.empty: a tensor of the result type whose contents are unspecified (zkmlir's reference
// interpreter gives zeros); one index operand per dynamic dimension.
import { defineOp, Operation, Pure, Index, IndexType, AnyRankedTensor, RankedTensorType, DYNAMIC, type Value } from "@zkmlir/core";

export const EmptyOp = defineOp({
  name: "tensor.empty",
  summary: "empty tensor operation",
  description: "Defines a tensor of a particular shape whose contents are not specified; its only use is as a destination (the `outs` of a linalg op). Dynamic dimensions take their sizes from the operands, in order.",
  operands: [{ name: "dynamicSizes", type: Index, arity: "variadic" }],
  results: [{ name: "result", type: AnyRankedTensor }],
  traits: [Pure],
  verify: (op) => {
    const t = op.result(0).type as RankedTensorType;
    const dyn = t.shape.filter((d) => d === DYNAMIC).length;
    return dyn === op.operands.length ? undefined : `incorrect number of dynamic sizes, has ${op.operands.length}, expected ${dyn}`;
  },
  format: {
    print(op, p) {
      p.write("(");
      p.printOperands(op.operandValues);
      p.write(")");
      p.printOptionalAttrDict(op);
      p.write(` : ${op.result(0).type.key}`);
    },
    parse(p, name) {
      const refs = p.parseParenOperandRefs();
      const attrs = p.parseOptionalAttrDict();
      const t = p.parseColonType();
      const sizes = refs.map((r) => p.resolveOperand(r, IndexType.get()));
      return Operation.create({ name, operands: sizes, resultTypes: [t], attributes: attrs });
    },
  },
});

/** Creates `tensor.empty` of `type`; `dynamicSizes` give its `?` dimensions in order. */
export function createEmpty(type: RankedTensorType, dynamicSizes: readonly Value[] = []): Operation {
  return Operation.create({ name: "tensor.empty", operands: dynamicSizes, resultTypes: [type] });
}
