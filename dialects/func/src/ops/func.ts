// func.func: a function with a body region (or a declaration without one).
// Custom form: `func.func [private] @name(%arg0: t {attrs}) -> (t) attributes {...} { ... }`.
import {
  defineOp, Operation, Block, FunctionType, TypeAttr, StringAttr, IsolatedFromAbove, Symbol,
  FunctionTypeAttrC, StringAttrC, ArrayAttrC, printSymbolName, type Type, type ParsedArgument,
} from "@zkmlir/core";

export const FuncOp = defineOp({
  name: "func.func",
  summary: "An operation with a name containing a single SSACFG region",
  attributes: {
    sym_name: { constraint: StringAttrC },
    function_type: { constraint: FunctionTypeAttrC },
    sym_visibility: { constraint: StringAttrC, optional: true },
    arg_attrs: { constraint: ArrayAttrC, optional: true },
    res_attrs: { constraint: ArrayAttrC, optional: true },
  },
  regions: [{ name: "body" }],
  traits: [IsolatedFromAbove, Symbol],
  verify: (op) => {
    const ft = functionType(op);
    const entry = op.region(0).entry;
    if (!entry) return op.getAttr("sym_visibility") === undefined ? "external function must be private (declarations have sym_visibility = \"private\")" : undefined;
    if (entry.args.length !== ft.inputs.length) return `entry block must have ${ft.inputs.length} arguments to match function signature`;
    for (let i = 0; i < ft.inputs.length; i++) {
      if (entry.args[i]!.type !== ft.inputs[i]) return `type of entry block argument #${i}('${entry.args[i]!.type.key}') must match the type of the corresponding argument in function signature('${ft.inputs[i]!.key}')`;
    }
    return undefined;
  },
  format: {
    print(op, p) {
      const vis = op.getAttr("sym_visibility");
      if (vis instanceof StringAttr) p.write(` ${vis.value}`);
      p.write(" " + printSymbolName((op.getAttr("sym_name") as StringAttr).value));
      const ft = functionType(op);
      const entry = op.region(0).entry;
      p.write("(");
      ft.inputs.forEach((t, i) => {
        if (i) p.write(", ");
        if (entry) p.printBlockArgument(entry.args[i]!, true);
        else p.write(t.key);
      });
      p.write(")");
      if (ft.results.length) {
        const rs = ft.results.map((t) => t.key);
        p.write(` -> ${rs.length === 1 && !rs[0]!.startsWith("(") ? rs[0] : `(${rs.join(", ")})`}`);
      }
      p.printOptionalAttrDict(op, ["sym_name", "function_type", "sym_visibility"], true);
      if (entry) {
        p.write(" ");
        p.printRegion(op.region(0), { printEntryBlockArgs: false });
      }
    },
    parse(p, name) {
      const props = new Map();
      if (p.isKeyword("private") || p.isKeyword("public") || p.isKeyword("nested")) {
        props.set("sym_visibility", new StringAttr(p.lexer.text));
        p.lexer.next();
      }
      props.set("sym_name", new StringAttr(p.parseSymbolName()));
      p.expect("(");
      const args: ParsedArgument[] = [];
      const inputs: Type[] = [];
      if (!p.consume(")")) {
        do {
          if (p.is("percent_id")) {
            const a = p.parseArgument();
            args.push(a);
            inputs.push(a.type);
          } else inputs.push(p.parseType());
        } while (p.consume(","));
        p.expect(")");
      }
      let results: Type[] = [];
      if (p.consume("->")) {
        if (p.consume("(")) {
          if (!p.consume(")")) {
            do results.push(p.parseType());
            while (p.consume(","));
            p.expect(")");
          }
        } else results = [p.parseType()];
      }
      props.set("function_type", new TypeAttr(FunctionType.get(inputs, results)));
      const attrs = p.parseOptionalAttrDictWithKeyword();
      for (const k of ["arg_attrs", "res_attrs"]) if (attrs.has(k)) { props.set(k, attrs.get(k)); attrs.delete(k); }
      const op = Operation.create({ name, properties: props, attributes: attrs, regions: 1 });
      if (p.is("{")) {
        if (args.length !== inputs.length) p.error("expected SSA identifiers for all arguments of a function with a body");
        p.parseRegion(op.region(0), args, true);
      }
      return op;
    },
  },
});

export function functionType(op: Operation): FunctionType {
  const a = op.getAttr("function_type");
  if (!(a instanceof TypeAttr) || !(a.type instanceof FunctionType)) throw new Error(`'${op.name}' has no function_type`);
  return a.type;
}

/** Creates a func.func with an entry block whose arguments match `type`. */
export function createFunc(name: string, type: FunctionType): Operation {
  const op = Operation.create({
    name: "func.func",
    properties: { sym_name: new StringAttr(name), function_type: new TypeAttr(type) },
    regions: 1,
  });
  op.region(0).addBlock(new Block(type.inputs));
  return op;
}
