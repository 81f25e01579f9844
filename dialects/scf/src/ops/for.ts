// scf.for: a counted loop lb <= iv < ub by step with loop-carried values (iter_args).
// Pretty form: `scf.for %iv = %lb to %ub step %s iter_args(%a = %init) -> (t) { ... }`
// (`: i32` after the step when the bounds are not index); an absent scf.yield is implicit.
import {
  defineOp, Operation, Region, Block, Builder, InsertionPoint, SingleBlock, SignlessIntegerOrIndexLike, IndexType,
  type ParsedArgument, type Type, type UnresolvedOperand, type Value,
} from "@zkmlir/core";
import { checkYield } from "./yield.js";

export const ForOp = defineOp({
  name: "scf.for",
  summary: "for operation",
  description: "Runs the body for iv = lb, lb + step, ... while iv < ub (signed comparison); the body receives iv and the loop-carried values and yields the next ones; the results are the final values (the inits if the loop runs zero times). step must be positive.",
  operands: [
    { name: "lowerBound", type: SignlessIntegerOrIndexLike }, { name: "upperBound", type: SignlessIntegerOrIndexLike },
    { name: "step", type: SignlessIntegerOrIndexLike }, { name: "initArgs", arity: "variadic" },
  ],
  results: [{ name: "results", arity: "variadic" }],
  regions: [{ name: "region" }],
  traits: [SingleBlock],
  verify: (op) => {
    const t = op.operand(0).type;
    if (op.operand(1).type !== t || op.operand(2).type !== t) return "lower bound, upper bound and step must have the same type";
    const inits = op.operandValues.slice(3);
    if (op.results.length !== inits.length) return `expects ${inits.length} results (one per iter_arg), got ${op.results.length}`;
    for (let i = 0; i < inits.length; i++) if (op.result(i).type !== inits[i]!.type) return `result #${i} type '${op.result(i).type.key}' must match iter_arg type '${inits[i]!.type.key}'`;
    const b = op.region(0).entry;
    if (!b) return "expects a body block";
    if (b.args.length !== inits.length + 1) return `body block must have ${inits.length + 1} arguments (induction variable and iter_args), got ${b.args.length}`;
    if (b.args[0]!.type !== t) return `induction variable type '${b.args[0]!.type.key}' must match the bounds' type '${t.key}'`;
    for (let i = 0; i < inits.length; i++) if (b.args[i + 1]!.type !== inits[i]!.type) return `region argument #${i + 1} type must match iter_arg type '${inits[i]!.type.key}'`;
    return checkYield(op, 0, inits.map((v) => v.type), "body");
  },
  format: {
    print(op, p) {
      const b = op.region(0).entry!;
      p.write(" ");
      p.printBlockArgument(b.args[0]!, false);
      p.write(` = ${p.valueName(op.operand(0))} to ${p.valueName(op.operand(1))} step ${p.valueName(op.operand(2))}`);
      const inits = op.operandValues.slice(3);
      if (inits.length) {
        p.write(" iter_args(");
        inits.forEach((v, i) => {
          if (i) p.write(", ");
          p.printBlockArgument(b.args[i + 1]!, false);
          p.write(` = ${p.valueName(v)}`);
        });
        p.write(`) -> (${op.resultTypes.map((t) => t.key).join(", ")})`);
      }
      if (!(op.operand(0).type instanceof IndexType)) p.write(` : ${op.operand(0).type.key}`);
      p.write(" ");
      const y = b.last;
      const implicit = y?.name === "scf.yield" && y.operands.length === 0 && !y.attributes.size;
      if (implicit) y.remove();
      try {
        p.printRegion(op.region(0), { printEntryBlockArgs: false });
      } finally {
        if (implicit) b.append(y);
      }
      p.printOptionalAttrDict(op, [], true);
    },
    parse(p, name) {
      const iv = p.parseOperandRef();
      p.expect("=");
      const lb = p.parseOperandRef();
      p.parseKeyword("to");
      const ub = p.parseOperandRef();
      p.parseKeyword("step");
      const st = p.parseOperandRef();
      const argRefs: UnresolvedOperand[] = [], initRefs: UnresolvedOperand[] = [];
      const types: Type[] = [];
      if (p.parseOptionalKeyword("iter_args")) {
        p.expect("(");
        do { argRefs.push(p.parseOperandRef()); p.expect("="); initRefs.push(p.parseOperandRef()); } while (p.consume(","));
        p.expect(")");
        p.expect("->");
        p.expect("(");
        do types.push(p.parseType()); while (p.consume(","));
        p.expect(")");
      }
      const t = p.consume(":") ? p.parseType() : IndexType.get();
      if (types.length !== initRefs.length) p.error(`iter_args has ${initRefs.length} values but ${types.length} types`);
      const operands = [p.resolveOperand(lb, t), p.resolveOperand(ub, t), p.resolveOperand(st, t), ...initRefs.map((r, i) => p.resolveOperand(r, types[i]!))];
      const args: ParsedArgument[] = [iv, ...argRefs].map((r, i) => ({ name: r.name, type: i === 0 ? t : types[i - 1]!, pos: r.pos }));
      const region = new Region();
      p.parseRegion(region, args);
      ensureYield(region.entry!);
      const attrs = p.parseOptionalAttrDictWithKeyword();
      return Operation.create({ name, operands, resultTypes: types, attributes: attrs, regions: [region] });
    },
  },
});

/** Appends the implicit `scf.yield` to a block that has no terminator. */
export function ensureYield(b: Block): void {
  if (b.last?.name !== "scf.yield") new Builder(InsertionPoint.atEnd(b)).create({ name: "scf.yield" });
}

/**
 * Creates `scf.for` whose body `body(b, iv, iterArgs)` builds and returns the next iter values
 * (the scf.yield is added).
 */
export function createFor(lb: Value, ub: Value, step: Value, inits: readonly Value[], body: (b: Builder, iv: Value, iterArgs: readonly Value[]) => readonly Value[]): Operation {
  const op = Operation.create({ name: "scf.for", operands: [lb, ub, step, ...inits], resultTypes: inits.map((v) => v.type), regions: 1 });
  const block = op.region(0).addBlock(new Block([lb.type, ...inits.map((v) => v.type)]));
  const b = new Builder(InsertionPoint.atEnd(block));
  const next = body(b, block.args[0]!, block.args.slice(1));
  b.create({ name: "scf.yield", operands: next });
  return op;
}
