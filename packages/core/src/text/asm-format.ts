// Declarative assembly formats (a subset of ODS's `assemblyFormat`): an op declares e.g.
//   "$lhs `,` $rhs attr-dict `:` type($result)"
// and gets a printer and a parser. Directives: `$operandOrAttr`, `type($x)`, `type(operands)`,
// `type(results)`, `functional-type(operands, results)`, `attr-dict`, `attr-dict-with-keyword`,
// `$region`, and backquoted literals. Operand types not named by the format are inferred from the
// SameOperandsAndResultType / SameTypeOperands traits.
import type { CustomFormat, OpDef } from "../ir/opdef.js";
import { Operation } from "../ir/operation.js";
import { FunctionType, IntegerType, type Type } from "../ir/type.js";
import { DenseArrayAttr, type Attribute } from "../ir/attribute.js";
import type { Value } from "../ir/value.js";
import { UnknownLoc } from "../ir/location.js";
import { lookupOpDef } from "../ir/opdef-registry.js";
import { Region } from "../ir/region.js";
import type { TokKind } from "./lexer.js";
import type { OpParser, UnresolvedOperand } from "./parser.js";
import type { OpPrinter } from "./printer.js";

type Directive =
  | { k: "lit"; text: string }
  | { k: "var"; name: string }
  | { k: "type"; of: string }
  | { k: "ftype" }
  | { k: "attrdict"; keyword: boolean };

function tokenize(fmt: string): Directive[] {
  const out: Directive[] = [];
  const re = /\s*(`[^`]*`|\$[A-Za-z_][A-Za-z0-9_]*|type\(\s*\$?[A-Za-z_][A-Za-z0-9_]*\s*\)|functional-type\(\s*operands\s*,\s*results\s*\)|attr-dict-with-keyword|attr-dict)/y;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < fmt.trim().length + (fmt.length - fmt.trimStart().length) && (m = re.exec(fmt))) {
    pos = re.lastIndex;
    const t = m[1]!;
    if (t.startsWith("`")) out.push({ k: "lit", text: t.slice(1, -1) });
    else if (t.startsWith("$")) out.push({ k: "var", name: t.slice(1) });
    else if (t.startsWith("type(")) out.push({ k: "type", of: t.slice(5, -1).trim().replace(/^\$/, "") });
    else if (t.startsWith("functional-type")) out.push({ k: "ftype" });
    else out.push({ k: "attrdict", keyword: t === "attr-dict-with-keyword" });
  }
  if (fmt.slice(pos).trim()) throw new Error(`bad assembly format near '${fmt.slice(pos).trim()}'`);
  return out;
}

const NO_SPACE_BEFORE = new Set([",", ")", "]", ">"]);
const NO_SPACE_AFTER = new Set(["(", "[", "<"]);
/**
 * A directive resolved against the op's declaration once, on the first print (the declaration
 * may be defined after its format): no per-op name lookups, sets or closures.
 */
type PrintStep =
  | { k: "lit"; text: string }
  | { k: "region"; index: number }
  | { k: "attr"; name: string }
  /** Operand group `index`; `single` when every declared group is single (group i = operand i). */
  | { k: "operands"; name: string; index: number; single: boolean }
  | { k: "types"; of: string; operand: number; result: number; single: boolean }
  | { k: "ftype" }
  /** `elided`: attribute directives before this one plus the segment sizes (defaults are per op). */
  | { k: "attrdict"; keyword: boolean; elided: readonly string[] };

function compilePrint(ds: readonly Directive[], def: OpDef): PrintStep[] {
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

/** Writes `items` joined by ", " as one piece (the space rule looks at the first item). */
function emitList<T>(p: OpPrinter, prev: string, items: readonly T[], text: (x: T) => string): string {
  if (items.length === 1) return emit(p, prev, text(items[0]!));
  if (!items.length) return prev;
  return emit(p, prev, items.map(text).join(", "));
}

const typeKey = (t: Type): string => t.key;

function printWithFormat(op: Operation, p: OpPrinter, def: OpDef, steps: readonly PrintStep[]): void {
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

/** Builds print/parse hooks for an op from its assembly format string. */
export function assemblyFormat(fmt: string, defRef: () => OpDef): CustomFormat {
  const ds = tokenize(fmt);
  let steps: PrintStep[] | undefined;
  let parsePlan: ParsePlan | undefined;
  return {
    print(op: Operation, p: OpPrinter) {
      const def = defRef();
      printWithFormat(op, p, def, (steps ??= compilePrint(ds, def)));
    },
    parse(p: OpParser, name: string): Operation {
      const def = defRef();
      return parseWithFormat(p, name, def, (parsePlan ??= compileParse(ds, def)));
    },
  };
}

/** A directive resolved for parsing, once per format (see PrintStep). */
type ParseStep =
  | { k: "kw"; text: string }
  | { k: "punct"; tok: TokKind }
  | { k: "region"; index: number }
  | { k: "attr"; name: string }
  | { k: "operands"; spec: number; single: boolean }
  /** A name that is no region, attribute or operand: an error when reached. */
  | { k: "unknown"; name: string }
  /** `slot`: one per distinct name in type directives. */
  | { k: "types"; slot: number; variadic: boolean }
  | { k: "ftype" }
  | { k: "attrdict"; keyword: boolean };

interface ParsePlan {
  steps: ParseStep[];
  typeSlots: number;
  /** Type slots (or -1) of each declared result and operand group, and of `results` / `operands`. */
  resultSlots: readonly number[];
  operandSlots: readonly number[];
  allResults: number;
  allOperands: number;
  sameType: boolean;
}

function compileParse(ds: readonly Directive[], def: OpDef): ParsePlan {
  const slots = new Map<string, number>();
  const slotOf = (n: string): number => {
    let i = slots.get(n);
    if (i === undefined) slots.set(n, (i = slots.size));
    return i;
  };
  const steps = ds.flatMap((d): ParseStep[] => {
    if (d.k === "lit") {
      if (d.text === "") return [];
      return [/^[A-Za-z_]/.test(d.text) ? { k: "kw", text: d.text } : { k: "punct", tok: d.text as TokKind }];
    }
    if (d.k === "type") return [{ k: "types", slot: slotOf(d.of), variadic: isVariadic(def, d.of) }];
    if (d.k === "ftype") return [d];
    if (d.k === "attrdict") return [{ k: "attrdict", keyword: d.keyword }];
    const ri = def.regions.findIndex((r) => r.name === d.name);
    if (ri >= 0) return [{ k: "region", index: ri }];
    if (def.attributes.has(d.name)) return [{ k: "attr", name: d.name }];
    const spec = def.operands.findIndex((o) => o.name === d.name);
    if (spec < 0) return [{ k: "unknown", name: d.name }];
    return [{ k: "operands", spec, single: (def.operands[spec]!.arity ?? "single") === "single" }];
  });
  const slotIfAny = (n: string): number => slots.get(n) ?? -1;
  return {
    steps,
    typeSlots: slots.size,
    resultSlots: def.results.map((r) => slotIfAny(r.name)),
    operandSlots: def.operands.map((o) => slotIfAny(o.name)),
    allResults: slotIfAny("results"),
    allOperands: slotIfAny("operands"),
    sameType: def.traits.has("SameOperandsAndResultType") || def.traits.has("SameTypeOperands"),
  };
}

const NO_REFS: readonly UnresolvedOperand[] = [];
const NO_TYPES: readonly Type[] = [];
const slotTypes = (types: readonly (Type[] | undefined)[], i: number): Type[] | undefined => (i < 0 ? undefined : types[i]);

function parseWithFormat(p: OpParser, name: string, def: OpDef, plan: ParsePlan): Operation {
  // Operand references per declared group and type lists per type slot (arrays, not maps).
  const refs = new Array<UnresolvedOperand[] | undefined>(def.operands.length);
  const types = new Array<Type[] | undefined>(plan.typeSlots);
  let firstSlot = -1; // the first type directive parsed (a Map's first key, as before)
  let props: Map<string, Attribute> | undefined;
  let attrs: Map<string, Attribute> | undefined;
  const regions: Region[] | undefined = def.regions.length ? def.regions.map(() => new Region()) : undefined;
  let ftype: FunctionType | undefined;
  for (let si = 0; si < plan.steps.length; si++) {
    const d = plan.steps[si]!;
    switch (d.k) {
      case "kw": p.parseKeyword(d.text); break;
      case "punct": p.expect(d.tok); break;
      case "region": p.parseRegion(regions![d.index]!); break;
      case "attr": (props ??= new Map()).set(d.name, p.parseAttribute()); break;
      case "unknown": throw new Error(`assembly format of '${name}' names unknown '$${d.name}'`);
      case "operands": {
        // Literals and exact sizes: a `[]` grown by push reserves 17 slots.
        if (d.single) refs[d.spec] = [p.parseOperandRef()];
        else {
          const list: UnresolvedOperand[] = [];
          if (p.is("percent_id")) {
            do list.push(p.parseOperandRef());
            while (p.consume(","));
          }
          refs[d.spec] = list;
        }
        break;
      }
      case "types": {
        const ts: Type[] = [p.parseType()];
        while (p.is(",") && d.variadic) { p.consume(","); ts.push(p.parseType()); }
        types[d.slot] = ts;
        if (firstSlot < 0) firstSlot = d.slot;
        break;
      }
      case "ftype": {
        const t = p.parseType();
        if (!(t instanceof FunctionType)) p.error("expected function type");
        ftype = t;
        break;
      }
      case "attrdict":
        // Only when present: the parser's optional forms return a fresh empty map otherwise.
        if (d.keyword ? p.isKeyword("attributes") : p.is("{")) attrs = d.keyword ? p.parseOptionalAttrDictWithKeyword() : p.parseOptionalAttrDict();
        else attrs = undefined;
        break;
    }
  }
  if (attrs) {
    for (const [k, v] of [...attrs]) {
      if (def.attributes.has(k)) {
        (props ??= new Map()).set(k, v);
        attrs.delete(k);
      }
    }
  }
  // Resolve types: explicit directives, functional type, then same-type traits.
  // Only read by Operation.create (which makes the results): a type list may be passed as is.
  let resultTypes: readonly Type[];
  if (ftype) resultTypes = ftype.results;
  else if (def.results.length === 1) resultTypes = slotTypes(types, plan.resultSlots[0]!) ?? slotTypes(types, plan.allResults) ?? NO_TYPES;
  else {
    const all: Type[] = [];
    for (let i = 0; i < def.results.length; i++) {
      const ts = slotTypes(types, plan.resultSlots[i]!) ?? slotTypes(types, plan.allResults);
      if (ts) for (let j = 0; j < ts.length; j++) all.push(ts[j]!);
    }
    resultTypes = all;
  }
  const known = resultTypes[0] ?? slotTypes(types, firstSlot)?.[0];
  const opTypes = ftype ? ftype.inputs : slotTypes(types, plan.allOperands);
  let count = 0;
  for (let s = 0; s < refs.length; s++) count += refs[s]?.length ?? 0;
  const values = new Array<Value>(count);
  let k = 0;
  for (let s = 0; s < def.operands.length; s++) {
    const us = refs[s] ?? NO_REFS;
    const ts = slotTypes(types, plan.operandSlots[s]!);
    for (let i = 0; i < us.length; i++, k++) {
      const t = opTypes?.[k] ?? ts?.[i] ?? ts?.[0] ?? (plan.sameType ? known : undefined);
      if (!t) p.error(`cannot infer the type of operand '$${def.operands[s]!.name}' of '${name}'`);
      values[k] = p.resolveOperand(us[i]!, t);
    }
  }
  if (def.operandSegments) {
    const sizes = def.operands.map((_, s) => (refs[s] ?? NO_REFS).length);
    (props ??= new Map()).set("operandSegmentSizes", new DenseArrayAttr(IntegerType.get(32), sizes));
  }
  // The maps are this parse's own, so they are handed over; the parser sets the location.
  const opDef = def.name === name ? def : lookupOpDef(name);
  return Operation.createParsed(name, opDef, values, resultTypes, props, attrs, regions, undefined, UnknownLoc.instance, 0);
}


function isVariadic(def: OpDef, name: string): boolean {
  if (name === "operands" || name === "results") return true;
  const s = def.operands.find((o) => o.name === name) ?? def.results.find((o) => o.name === name);
  return (s?.arity ?? "single") === "variadic";
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
