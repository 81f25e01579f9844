import {
  defineOp, Operation, ConstantLike, Pure, TypedAttrC, IntegerAttr, FloatAttr, DenseElementsAttr, DenseResourceAttr,
  type Attribute, type Type,
} from "@zkmlir/core";

/** The type a typed attribute carries. */
export function typeOfAttr(a: Attribute): Type | undefined {
  if (a instanceof IntegerAttr || a instanceof FloatAttr || a instanceof DenseElementsAttr || a instanceof DenseResourceAttr) return a.type;
  return undefined;
}

export const ConstantOp = defineOp({
  name: "arith.constant",
  summary: "integer, float or elements constant",
  results: [{ name: "result" }],
  attributes: { value: { constraint: TypedAttrC } },
  traits: [ConstantLike, Pure],
  verify: (op) => {
    const t = typeOfAttr(op.getAttr("value")!);
    return t === op.result(0).type ? undefined : `value type '${t?.key}' must match return type '${op.result(0).type.key}'`;
  },
  fold: (op) => [op.getAttr("value")!],
  format: {
    print(op, p) {
      p.printOptionalAttrDict(op, ["value"]);
      p.write(" ");
      p.printAttribute(op.getAttr("value")!);
    },
    parse(p, name) {
      const attrs = p.parseOptionalAttrDict();
      const value = p.parseAttribute();
      const t = typeOfAttr(value);
      if (!t) return p.error("arith.constant needs a typed attribute (e.g. `1 : i32`)");
      return Operation.create({ name, resultTypes: [t], properties: { value }, attributes: attrs });
    },
  },
});
