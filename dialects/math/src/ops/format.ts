// The pretty form of math ops, as upstream: `math.exp %x fastmath<fast> : f32`
// (`: f32, i32` for ops whose operand types differ, e.g. math.fpowi).
import { Operation, DialectAttr, type CustomFormat, type UnresolvedOperand, type Type } from "@zkmlir/core";

export const FASTMATH_NONE = new DialectAttr("arith", "fastmath", "none");

/** `nTypes` = 1: one type for all operands and the result; 2: the first and last operand types. */
export function mathFormat(withFastmath: boolean, nTypes: 1 | 2): CustomFormat {
  return {
    print(op, p) {
      p.write(" ");
      p.printOperands(op.operandValues);
      const fm = op.getAttr("fastmath");
      const elided = ["fastmath"];
      if (withFastmath && fm instanceof DialectAttr && !fm.equals(FASTMATH_NONE)) p.write(` fastmath<${fm.body}>`);
      p.printOptionalAttrDict(op, elided);
      const ts = nTypes === 1 ? [op.result(0).type] : [op.operand(0).type, op.operand(op.operands.length - 1).type];
      p.write(` : ${ts.map((t) => t.key).join(", ")}`);
    },
    parse(p, name) {
      const refs: UnresolvedOperand[] = [];
      do refs.push(p.parseOperandRef());
      while (p.consume(","));
      const props = new Map();
      if (withFastmath && p.parseOptionalKeyword("fastmath")) {
        p.expect("<");
        const flags: string[] = [];
        do { flags.push(p.lexer.text); p.lexer.next(); } while (p.consume(","));
        p.expect(">");
        props.set("fastmath", new DialectAttr("arith", "fastmath", flags.join(",")));
      }
      const attrs = p.parseOptionalAttrDict();
      for (const [k, v] of [...attrs]) if (k === "fastmath") { props.set(k, v); attrs.delete(k); }
      const first = p.parseColonType();
      const types: Type[] = refs.map(() => first);
      if (nTypes === 2) { p.expect(","); types[types.length - 1] = p.parseType(); }
      const operands = refs.map((r, i) => p.resolveOperand(r, types[i]!));
      return Operation.create({ name, operands, resultTypes: [first], properties: props, attributes: attrs });
    },
  };
}
