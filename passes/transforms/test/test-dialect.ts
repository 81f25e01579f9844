// Test ops for the transform passes: pure arithmetic-like ops, a zero-operand pure op, a region
// op that is not isolated and one that is, plus a dialect with a constant materializer and a
// canonicalization pattern.
import {
  defineOp, Operation, IntegerAttr, Pure, ConstantLike, IsolatedFromAbove, Terminator, Context, BuiltinDialect, parseModule, printOp, pattern,
  type Dialect, type Attribute, type Type, type Location,
} from "@zkmlir/core";

export const K = defineOp({ name: "tt.k", results: [{ name: "r" }], attributes: { v: {} }, traits: [Pure] });
export const Const = defineOp({ name: "tt.const", results: [{ name: "r" }], attributes: { value: {} }, traits: [Pure, ConstantLike] });
export const Add = defineOp({
  name: "tt.add", operands: [{ name: "a" }, { name: "b" }], results: [{ name: "r" }], traits: [Pure],
  fold: (_op, [a, b]) => (a instanceof IntegerAttr && b instanceof IntegerAttr ? [IntegerAttr.get(a.value + b.value, a.type)] : undefined),
});
export const Neg = defineOp({ name: "tt.neg", operands: [{ name: "x" }], results: [{ name: "r" }], traits: [Pure] });
export const Region = defineOp({ name: "tt.region", regions: [{ name: "body" }] });
export const Isolated = defineOp({ name: "tt.isolated", regions: [{ name: "body" }], traits: [IsolatedFromAbove] });
export const Yield = defineOp({ name: "tt.yield", operands: [{ name: "xs", arity: "variadic" }], traits: [Pure, Terminator] });

/** neg(neg(x)) -> x */
const doubleNeg = pattern("tt.neg", (op, r) => {
  const inner = op.operand(0).definingOp;
  if (inner?.name !== "tt.neg") return false;
  r.replaceOp(op, [inner.operand(0)]);
  return true;
}, { name: "DoubleNeg" });

export const TT: Dialect = {
  name: "tt",
  ops: [K, Const, Add, Neg, Region, Isolated, Yield],
  canonicalizationPatterns: () => [doubleNeg],
  materializeConstant(value: Attribute, type: Type, loc: Location) {
    return value instanceof IntegerAttr ? Operation.create({ name: "tt.const", resultTypes: [type], properties: { value }, loc }) : undefined;
  },
};

export const ctx = new Context({ dialects: [BuiltinDialect, TT], allowUnregistered: true });
export const parse = (s: string): Operation => parseModule(s, { context: ctx, file: "t.mlir" });
export const print = (op: Operation): string => printOp(op).split("\n").map((l) => l.trim()).filter((l) => l).join("\n");
