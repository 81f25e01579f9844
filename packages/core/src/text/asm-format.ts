// Declarative assembly formats (a subset of ODS's `assemblyFormat`): an op declares e.g.
//   "$lhs `,` $rhs attr-dict `:` type($result)"
// and gets a printer and a parser. Directives: `$operandOrAttr`, `type($x)`, `type(operands)`,
// `type(results)`, `functional-type(operands, results)`, `attr-dict`, `attr-dict-with-keyword`,
// `$region`, and backquoted literals. Operand types not named by the format are inferred from the
// SameOperandsAndResultType / SameTypeOperands traits.
import type { CustomFormat, OpDef } from "../ir/opdef.js";
import { Operation } from "../ir/operation.js";
import { FunctionType, type Type } from "../ir/type.js";
import type { Attribute } from "../ir/attribute.js";
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

/** Builds print/parse hooks for an op from its assembly format string. */
export function assemblyFormat(fmt: string, defRef: () => OpDef): CustomFormat {
  const ds = tokenize(fmt);
  return {
    print(op: Operation, p: OpPrinter) {
      const def = defRef();
      const used = new Set<string>();
      let prev = "";
      // Spacing as MLIR prints: a space before each piece except closers and ',', none after openers.
      const emit = (s: string) => {
        if (!s) return;
        if (!NO_SPACE_BEFORE.has(s) && !NO_SPACE_AFTER.has(prev)) p.write(" ");
        p.write(s);
        prev = s;
      };
      prev = "-";
      for (const d of ds) {
        if (d.k === "lit") emit(d.text);
        else if (d.k === "var") {
          const ri = def.regions.findIndex((r) => r.name === d.name);
          if (ri >= 0) {
            p.write(" ");
            p.printRegion(op.region(ri));
            prev = "}";
          } else if (def.attributes.has(d.name)) {
            used.add(d.name);
            const a = op.getAttr(d.name);
            if (a) emit(attrText(p, a));
          } else emit(def.operandGroup(op, d.name).map((v) => p.valueName(v)).join(", "));
        } else if (d.k === "type") emit(typesOf(op, def, d.of).map((t) => t.key).join(", "));
        else if (d.k === "ftype") emit(FunctionType.get(op.operandValues.map((v) => v.type), op.resultTypes).key);
        else {
          const elided = [...used, "operandSegmentSizes", "resultSegmentSizes"];
          for (const [n, spec] of def.attributes) {
            const a = op.getAttr(n);
            if (a && spec.default && a.equals(spec.default)) elided.push(n);
          }
          p.printOptionalAttrDict(op, elided, d.keyword);
          prev = "}";
        }
      }
    },
    parse(p: OpParser, name: string): Operation {
      const def = defRef();
      const operands = new Map<string, UnresolvedOperand[]>();
      const types = new Map<string, Type[]>();
      const props = new Map<string, Attribute>();
      let attrs = new Map<string, Attribute>();
      const regions: Region[] = def.regions.map(() => new Region());
      let ftype: FunctionType | undefined;
      for (const d of ds) {
        if (d.k === "lit") {
          if (d.text === "") continue;
          if (/^[A-Za-z_]/.test(d.text)) p.parseKeyword(d.text);
          else p.expect(d.text as TokKind);
        } else if (d.k === "var") {
          const ri = def.regions.findIndex((r) => r.name === d.name);
          if (ri >= 0) { p.parseRegion(regions[ri]!); continue; }
          if (def.attributes.has(d.name)) { props.set(d.name, p.parseAttribute()); continue; }
          const spec = def.operands.find((o) => o.name === d.name);
          if (!spec) throw new Error(`assembly format of '${name}' names unknown '$${d.name}'`);
          const list: UnresolvedOperand[] = [];
          if ((spec.arity ?? "single") === "single") list.push(p.parseOperandRef());
          else if (p.is("percent_id")) {
            do list.push(p.parseOperandRef());
            while (p.consume(","));
          }
          operands.set(d.name, list);
        } else if (d.k === "type") {
          const ts: Type[] = [p.parseType()];
          while (p.is(",") && isVariadic(def, d.of)) { p.consume(","); ts.push(p.parseType()); }
          types.set(d.of, ts);
        } else if (d.k === "ftype") {
          const t = p.parseType();
          if (!(t instanceof FunctionType)) p.error("expected function type");
          ftype = t;
        } else {
          attrs = d.keyword ? p.parseOptionalAttrDictWithKeyword() : p.parseOptionalAttrDict();
        }
      }
      for (const [k, v] of [...attrs]) if (def.attributes.has(k)) { props.set(k, v); attrs.delete(k); }
      // Resolve types: explicit directives, functional type, then same-type traits.
      const resultTypes: Type[] = ftype ? [...ftype.results] : def.results.flatMap((r) => types.get(r.name) ?? types.get("results") ?? []);
      const known = resultTypes[0] ?? [...types.values()][0]?.[0];
      const sameType = def.traits.has("SameOperandsAndResultType") || def.traits.has("SameTypeOperands");
      const opTypes = ftype ? [...ftype.inputs] : types.get("operands");
      const values = [];
      let k = 0;
      for (const spec of def.operands) {
        const us = operands.get(spec.name) ?? [];
        const ts = types.get(spec.name);
        for (let i = 0; i < us.length; i++, k++) {
          const t = opTypes?.[k] ?? ts?.[i] ?? ts?.[0] ?? (sameType ? known : undefined);
          if (!t) p.error(`cannot infer the type of operand '$${spec.name}' of '${name}'`);
          values.push(p.resolveOperand(us[i]!, t));
        }
      }
      if (def.operandSegments) {
        const { DenseArrayAttr, IntegerType } = SEGMENT_DEPS;
        props.set("operandSegmentSizes", new DenseArrayAttr(IntegerType.get(32), def.operands.map((s) => (operands.get(s.name) ?? []).length)));
      }
      return Operation.create({ name, operands: values, resultTypes, properties: props, attributes: attrs, regions });
    },
  };
}

import { DenseArrayAttr } from "../ir/attribute.js";
import { IntegerType } from "../ir/type.js";
const SEGMENT_DEPS = { DenseArrayAttr, IntegerType };

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

function attrText(p: OpPrinter, a: Attribute): string {
  // Reuse the printer's attribute text by capturing a write.
  let out = "";
  const w = p.write.bind(p);
  (p as { write(s: string): void }).write = (s: string) => { out += s; };
  try {
    p.printAttribute(a);
  } finally {
    (p as { write(s: string): void }).write = w;
  }
  return out;
}
