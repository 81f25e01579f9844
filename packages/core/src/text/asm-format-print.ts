// Printing with an assembly format: the directives are resolved against the op's declaration
// once (PrintStep), then each op is printed without name lookups, sets or closures.
import type { OpDef } from "../ir/opdef.js";
import type { Operation } from "../ir/operation.js";
import { FunctionType, type Type } from "../ir/type.js";
import type { OpPrinter } from "./printer.js";
import type { Directive } from "./asm-format.js";

const NO_SPACE_BEFORE = new Set([",", ")", "]", ">"]);
const NO_SPACE_AFTER = new Set(["(", "[", "<"]);
/**
 * A directive resolved against the op's declaration once, on the first print (the declaration
 * may be defined after its format): no per-op name lookups, sets or closures.
 */
export type PrintStep =
  | { k: "lit"; text: string }
  | { k: "region"; index: number }
  | { k: "attr"; name: string }
  /** Operand group `index`; `single` when every declared group is single (group i = operand i). */
  | { k: "operands"; name: string; index: number; single: boolean }
  | { k: "types"; of: string; operand: number; result: number; single: boolean }
  | { k: "ftype" }
  /** `elided`: attribute directives before this one plus the segment sizes (defaults are per op). */
  | { k: "attrdict"; keyword: boolean; elided: readonly string[] };

export function compilePrint(ds: readonly Directive[], def: OpDef): PrintStep[] {
  const used: string[] = [];
  const singleOperands = !def.operandSegments && def.operands.every((o) => (o.arity ?? "single") === "single");
  const singleResults = !def.resultSegments && def.results.every((o) => (o.arity ?? "single") === "single");
  return ds.map((d): PrintStep => {
    if (d.k === "lit") return d;
    if (d.k === "ftype") return d;
    if (d.k === "attrdict") return { k: "attrdict", keyword: d.keyword, elided: [...used, "operandSegmentSizes", "resultSegmentSizes"] };
    if (d.k === "type") {
      // `operands` / `results` mean all of them (typesOf), whatever the groups are named.
      const all = d.of === "operands" || d.of === "results";
      const operand = all ? -1 : def.operands.findIndex((o) => o.name === d.of);
      const result = all || operand >= 0 ? -1 : def.results.findIndex((o) => o.name === d.of);
      return { k: "types", of: d.of, operand, result, single: operand >= 0 ? singleOperands : singleResults };
    }
    const ri = def.regions.findIndex((r) => r.name === d.name);
    if (ri >= 0) return { k: "region", index: ri };
    if (def.attributes.has(d.name)) {
      used.push(d.name);
      return { k: "attr", name: d.name };
    }
    // An unknown name keeps the general path, which throws naming it when printed.
    const index = def.operands.findIndex((o) => o.name === d.name);
    return { k: "operands", name: d.name, index, single: singleOperands && index >= 0 };
  });
}

/** Writes a piece with MLIR's spacing (a space before it unless it closes or follows an opener); returns the new `prev`. */
function emit(p: OpPrinter, prev: string, s: string): string {
  if (!s) return prev;
  if (!NO_SPACE_BEFORE.has(s) && !NO_SPACE_AFTER.has(prev)) p.write(" ");
  p.write(s);
  return s;
}

/** Writes `items` joined by ", " as one piece. */
function emitList<T>(p: OpPrinter, prev: string, items: readonly T[], text: (x: T) => string): string {
  if (items.length === 1) return emit(p, prev, text(items[0]!));
  if (!items.length) return prev;
  return emit(p, prev, items.map(text).join(", "));
}

const typeKey = (t: Type): string => t.key;

export function printWithFormat(op: Operation, p: OpPrinter, def: OpDef, steps: readonly PrintStep[]): void {
  let prev = "-";
  for (const d of steps) {
    switch (d.k) {
      case "lit": prev = emit(p, prev, d.text); break;
      case "region":
        p.write(" ");
        p.printRegion(op.region(d.index));
        prev = "}";
        break;
      case "attr": {
        const a = op.getAttr(d.name);
        if (a) prev = emit(p, prev, p.attrText(a));
        break;
      }
      case "operands":
        if (d.single) {
          const o = op.operands[d.index];
          if (o) prev = emit(p, prev, p.valueName(o.value));
        } else prev = emitList(p, prev, def.operandGroup(op, d.name), (v) => p.valueName(v));
        break;
      case "types":
        if (d.single && d.operand >= 0) {
          const o = op.operands[d.operand];
          if (o) prev = emit(p, prev, o.value.type.key);
        } else if (d.single && d.result >= 0) {
          const r = op.results[d.result];
          if (r) prev = emit(p, prev, r.type.key);
        } else prev = emitList(p, prev, typesOf(op, def, d.of), typeKey);
        break;
      case "ftype":
        prev = emit(p, prev, FunctionType.get(op.operandValues.map((v) => v.type), op.resultTypes).key);
        break;
      case "attrdict": {
        prev = "}";
        if (!op.properties.size && !op.attributes.size) break;
        let elided = d.elided;
        for (const [n, spec] of def.attributes) {
          const a = op.getAttr(n);
          if (a && spec.default && a.equals(spec.default)) elided = [...elided, n];
        }
        p.printOptionalAttrDict(op, elided, d.keyword);
        break;
      }
    }
  }
}

function typesOf(op: Operation, def: OpDef, name: string): Type[] {
  if (name === "operands") return op.operandValues.map((v) => v.type);
  if (name === "results") return op.resultTypes;
  const oi = def.operands.findIndex((o) => o.name === name);
  if (oi >= 0) return def.operandGroup(op, name).map((v) => v.type);
  const ri = def.results.findIndex((o) => o.name === name);
  if (ri < 0) throw new Error(`assembly format of '${op.name}' names unknown '${name}'`);
  const [s, n] = def.groupRanges(op, "results")[ri]!;
  return op.results.slice(s, s + n).map((r) => r.type);
}
