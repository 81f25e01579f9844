// The `ins(%a, %b : ta, tb) outs(%c : tc)` clauses of linalg's pretty forms, and `-> types`.
import type { OpParser, OpPrinter, Type, UnresolvedOperand, Value } from "@zkmlir/core";

export function printInsOuts(p: OpPrinter, ins: readonly Value[], outs: readonly Value[]): void {
  const clause = (kw: string, vs: readonly Value[]) => {
    if (!vs.length) return;
    p.write(` ${kw}(`);
    p.printOperands(vs);
    p.write(` : ${vs.map((v) => v.type.key).join(", ")})`);
  };
  clause("ins", ins);
  clause("outs", outs);
}

function parseClause(p: OpParser, kw: string): Value[] {
  if (!p.parseOptionalKeyword(kw)) return [];
  p.expect("(");
  const refs: UnresolvedOperand[] = [];
  if (p.consume(")")) return [];
  do refs.push(p.parseOperandRef());
  while (p.consume(","));
  p.expect(":");
  const types: Type[] = [];
  do types.push(p.parseType());
  while (p.consume(","));
  p.expect(")");
  if (types.length !== refs.length) p.error(`${kw}: ${refs.length} operands but ${types.length} types`);
  return refs.map((r, i) => p.resolveOperand(r, types[i]!));
}

export function parseInsOuts(p: OpParser): { ins: Value[]; outs: Value[] } {
  const ins = parseClause(p, "ins");
  const outs = parseClause(p, "outs");
  return { ins, outs };
}

/** ` -> t1, t2` when the op has results. */
export function printResultTypes(p: OpPrinter, types: readonly Type[]): void {
  if (types.length) p.write(` -> ${types.map((t) => t.key).join(", ")}`);
}

export function parseOptionalResultTypes(p: OpParser): Type[] {
  const ts: Type[] = [];
  if (!p.consume("->")) return ts;
  do ts.push(p.parseType());
  while (p.consume(","));
  return ts;
}
