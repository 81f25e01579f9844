// A tiny dialect for rewrite tests: integer constants, a folding add and a negation whose
// dialect cannot materialize constants.
import { defineOp, Operation, IntegerAttr, Pure, ConstantLike, Commutative, Context, BuiltinDialect, parseModule, printOp, type Dialect, type Attribute, type Type, type Location } from "../src/index.js";

export const ConstOp = defineOp({ name: "tg.const", results: [{ name: "r" }], attributes: { value: {} }, traits: [Pure, ConstantLike] });

export const AddOp = defineOp({
  name: "tg.add",
  operands: [{ name: "lhs" }, { name: "rhs" }],
  results: [{ name: "r" }],
  traits: [Pure, Commutative],
  fold: (op, [a, b]) => {
    if (a instanceof IntegerAttr && b instanceof IntegerAttr) return [IntegerAttr.get(a.value + b.value, a.type)];
    if (b instanceof IntegerAttr && b.value === 0n) return [op.operand(0)];
    // Canonical operand order: a constant goes to the right (an in-place fold).
    if (a instanceof IntegerAttr && !(b instanceof IntegerAttr)) {
      const [x, y] = [op.operand(0), op.operand(1)];
      op.setOperand(0, y);
      op.setOperand(1, x);
      return [op.result()];
    }
    return undefined;
  },
});

export const TestDialect: Dialect = {
  name: "tg",
  ops: [ConstOp, AddOp],
  materializeConstant(value: Attribute, type: Type, loc: Location): Operation | undefined {
    if (!(value instanceof IntegerAttr)) return undefined;
    return Operation.create({ name: "tg.const", resultTypes: [type], properties: { value }, loc });
  },
};

/** Negation in a dialect without a constant materializer: its folds cannot become constants. */
export const NegOp = defineOp({
  name: "tn.neg",
  operands: [{ name: "x" }],
  results: [{ name: "r" }],
  traits: [Pure],
  fold: (_op, [a]) => (a instanceof IntegerAttr ? [IntegerAttr.get(-a.value, a.type)] : undefined),
});
export const NoMaterializerDialect: Dialect = { name: "tn", ops: [NegOp] };

export const ctx = new Context({ dialects: [BuiltinDialect, TestDialect, NoMaterializerDialect], allowUnregistered: true });

export function parse(src: string): Operation {
  return parseModule(src, { context: ctx, file: "t.mlir" });
}

/** Printed IR with leading/trailing whitespace of each line trimmed (for stable comparisons). */
export function print(op: Operation): string {
  return printOp(op).split("\n").map((l) => l.trim()).filter((l) => l).join("\n");
}
