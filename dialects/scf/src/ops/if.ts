// scf.if: runs the then region or the (possibly empty) else region and returns what it yields.
// Pretty form: `scf.if %c -> (t) { ... } else { ... }`; an absent scf.yield is implicit.
import { defineOp, Operation, Region, Block, Builder, InsertionPoint, I1, IntegerType, type Type, type Value } from "@zkmlir/core";
import { checkYield } from "./yield.js";
import { ensureYield } from "./for.js";

export const IfOp = defineOp({
  name: "scf.if",
  summary: "if-then-else operation",
  description: "With results, both regions must yield values of the result types; without, the else region may be empty.",
  operands: [{ name: "condition", type: I1 }],
  results: [{ name: "results", arity: "variadic" }],
  regions: [{ name: "thenRegion" }, { name: "elseRegion" }],
  verify: (op) => {
    for (const r of op.regions) if (r.blocks.length > 1) return "regions must have at most one block";
    if (op.region(0).blocks.length !== 1) return "then region must have one block";
    for (const r of op.regions) if (r.entry && r.entry.args.length) return "regions must not have block arguments";
    const types = op.resultTypes;
    const t = checkYield(op, 0, types, "then");
    if (t) return t;
    if (op.region(1).empty) return types.length ? "must have an else block if defining values" : undefined;
    return checkYield(op, 1, types, "else");
  },
  format: {
    print(op, p) {
      p.write(` ${p.valueName(op.operand(0))}`);
      if (op.results.length) p.write(` -> (${op.resultTypes.map((t) => t.key).join(", ")})`);
      const printR = (r: Region) => {
        const y = r.entry?.last;
        const implicit = y?.name === "scf.yield" && y.operands.length === 0 && !y.attributes.size;
        if (implicit) y.remove();
        try { p.printRegion(r, { printEntryBlockArgs: false }); } finally { if (implicit) r.entry!.append(y); }
      };
      p.write(" ");
      printR(op.region(0));
      if (!op.region(1).empty) { p.write(" else "); printR(op.region(1)); }
      p.printOptionalAttrDict(op);
    },
    parse(p, name) {
      const c = p.resolveOperand(p.parseOperandRef(), IntegerType.get(1));
      const types: Type[] = [];
      if (p.consume("->")) {
        p.expect("(");
        if (!p.consume(")")) { do types.push(p.parseType()); while (p.consume(",")); p.expect(")"); }
      }
      const then = new Region(), els = new Region();
      p.parseRegion(then);
      if (!then.entry) then.addBlock(new Block());
      ensureYield(then.entry!);
      if (p.parseOptionalKeyword("else")) {
        p.parseRegion(els);
        if (!els.entry) els.addBlock(new Block());
        ensureYield(els.entry!);
      }
      const attrs = p.parseOptionalAttrDict();
      return Operation.create({ name, operands: [c], resultTypes: types, attributes: attrs, regions: [then, els] });
    },
  },
});

/** Creates `scf.if`; `elseBody` may be omitted only when there are no results. */
export function createIf(cond: Value, resultTypes: readonly Type[], thenBody: (b: Builder) => readonly Value[], elseBody?: (b: Builder) => readonly Value[]): Operation {
  const op = Operation.create({ name: "scf.if", operands: [cond], resultTypes, regions: 2 });
  const fill = (r: Region, f: (b: Builder) => readonly Value[]) => {
    const b = new Builder(InsertionPoint.atEnd(r.addBlock(new Block())));
    b.create({ name: "scf.yield", operands: f(b) });
  };
  fill(op.region(0), thenBody);
  if (elseBody) fill(op.region(1), elseBody);
  return op;
}
