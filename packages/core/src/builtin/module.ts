// builtin.module: the top-level container. Custom form: `module @name attributes {...} { ... }`.
import { defineOp } from "../ir/opdef.js";
import { Operation } from "../ir/operation.js";
import { Block } from "../ir/block.js";
import { StringAttr } from "../ir/attribute.js";
import { IsolatedFromAbove, NoTerminator, SingleBlock, SymbolTable } from "../ir/traits.js";
import { StringAttrC } from "../ir/constraints.js";
import { printSymbolName } from "../text/printer.js";

export const ModuleOp = defineOp({
  name: "builtin.module",
  summary: "A top-level container operation",
  attributes: { sym_name: { constraint: StringAttrC, optional: true }, sym_visibility: { constraint: StringAttrC, optional: true } },
  regions: [{ name: "bodyRegion" }],
  traits: [IsolatedFromAbove, NoTerminator, SingleBlock, SymbolTable],
  verify: (op) => (op.region(0).blocks.length !== 1 ? "expects a body region with exactly one block" : undefined),
  format: {
    print(op, p) {
      const name = op.getAttr("sym_name");
      if (name instanceof StringAttr) p.write(" " + printSymbolName(name.value));
      p.printOptionalAttrDict(op, ["sym_name"], true);
      p.write(" ");
      p.printRegion(op.region(0), { printEntryBlockArgs: false });
    },
    parse(p, name) {
      const props = new Map();
      if (p.is("at_id")) props.set("sym_name", new StringAttr(p.parseSymbolName()));
      const attrs = p.parseOptionalAttrDictWithKeyword();
      for (const [k, v] of attrs) if (k === "sym_name" || k === "sym_visibility") { props.set(k, v); attrs.delete(k); }
      const op = Operation.create({ name, properties: props, attributes: attrs, regions: 1 });
      p.parseRegion(op.region(0), [], true);
      if (op.region(0).empty) op.region(0).addBlock(new Block());
      return op;
    },
  },
});

/** Creates an empty module with one block. */
export function createModule(): Operation {
  const m = Operation.create({ name: "builtin.module", regions: 1 });
  m.region(0).addBlock(new Block());
  return m;
}

/** The single block of a module. */
export function moduleBody(m: Operation): Block {
  return m.region(0).entry!;
}
