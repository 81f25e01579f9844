// Parsing with an assembly format: the directives are resolved against the op's declaration
// once (ParsePlan), then each op is parsed into arrays indexed by group and type slot.
import type { OpDef } from "../ir/opdef.js";
import { Operation } from "../ir/operation.js";
import { FunctionType, IntegerType, type Type } from "../ir/type.js";
import { DenseArrayAttr, type Attribute } from "../ir/attribute.js";
import type { Value } from "../ir/value.js";
import { UnknownLoc } from "../ir/location.js";
import { lookupOpDef } from "../ir/opdef-registry.js";
import { Region } from "../ir/region.js";
import type { TokKind } from "./lexer.js";
import type { OpParser, UnresolvedOperand } from "./parser.js";
import type { Directive } from "./asm-format.js";

/** A directive resolved for parsing, once per format. */
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

export interface ParsePlan {
  steps: ParseStep[];
  typeSlots: number;
  /** Type slots (or -1) of each declared result and operand group, and of `results` / `operands`. */
  resultSlots: readonly number[];
  operandSlots: readonly number[];
  allResults: number;
  allOperands: number;
  sameType: boolean;
}

export function compileParse(ds: readonly Directive[], def: OpDef): ParsePlan {
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

export function parseWithFormat(p: OpParser, name: string, def: OpDef, plan: ParsePlan): Operation {
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
