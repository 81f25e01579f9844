// MLIR textual printer: the generic form always, a custom form where an op declares one.
// Output is deterministic and zkmlir's round trip is exact: parse(print(m)) prints the same text.
import { Operation } from "../ir/operation.js";
import type { Region } from "../ir/region.js";
import type { Block } from "../ir/block.js";
import type { Value } from "../ir/value.js";
import { OpResult } from "../ir/value.js";
import { FloatType, IndexType, IntegerType, type Type } from "../ir/type.js";
import {
  AffineMapAttr, ArrayAttr, Attribute, DenseArrayAttr, DenseElementsAttr, DenseResourceAttr, DialectAttr,
  DictionaryAttr, FloatAttr, IntegerAttr, ResourceBlob, StringAttr, SymbolRefAttr, TypeAttr, UnitAttr,
} from "../ir/attribute.js";
import { UnknownLoc, type Location } from "../ir/location.js";
import { bytesToHex, floatBitsHex, formatFloat } from "./format-number.js";
import { OutputBuffer } from "./output-buffer.js";
import type { AffineMap } from "../ir/affine.js";

export interface PrintOptions {
  /** Print every op in the generic form. */
  generic?: boolean;
  /** Print locations (`--mlir-print-debuginfo`). */
  debugInfo?: boolean;
  /** Elide dense elements with more than this many elements (`--mlir-elide-elementsattrs-if-larger`). */
  elideElementsAttrsIfLarger?: number;
  /** Omit properties equal to their declared default (for structural comparison with mlir-opt output). */
  elideDefaultProperties?: boolean;
  /** Dense elements with at least this many elements print in hex (MLIR's default is 100). */
  hexThreshold?: number;
}

const BARE_ID = /^[A-Za-z_][A-Za-z0-9_$.]*$/;
const INDENTS = Array.from({ length: 32 }, (_, i) => "\n" + "  ".repeat(i));
const SUFFIX_ID = /^[A-Za-z0-9_$.-]+$/;

export function quoteString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else if (c < 0x80) out += "\\" + c.toString(16).toUpperCase().padStart(2, "0");
    else {
      // Non-ASCII: escape the UTF-8 bytes (MLIR strings are byte strings).
      for (const b of new TextEncoder().encode(s[i]!)) out += "\\" + b.toString(16).toUpperCase().padStart(2, "0");
    }
  }
  return out + '"';
}

// Quoted op names, by name: the generic form quotes every op's name.
const QUOTED_NAMES = new Map<string, string>();
function quotedOpName(name: string): string {
  let q = QUOTED_NAMES.get(name);
  if (q === undefined) {
    q = quoteString(name);
    if (QUOTED_NAMES.size < 4096) QUOTED_NAMES.set(name, q);
  }
  return q;
}

// `%N` strings shared by every printer (names repeat in each function); bounded.
const RESULT_NAMES: string[] = [];
const MAX_CACHED_NAME = 1 << 14;
function resultName(n: number): string {
  if (n >= MAX_CACHED_NAME) return "%" + n;
  return (RESULT_NAMES[n] ??= "%" + n);
}

export function printSymbolName(name: string): string {
  return "@" + (BARE_ID.test(name) ? name : quoteString(name));
}

/** Printing hooks available to custom op formats. */
export interface OpPrinter {
  write(s: string): void;
  printOperand(v: Value): void;
  printOperands(vs: readonly Value[]): void;
  printType(t: Type): void;
  printAttribute(a: Attribute): void;
  /** The text `printAttribute` would write. */
  attrText(a: Attribute): string;
  /** Prints `{...}` of the op's discardable attributes (and properties) except the elided names. */
  printOptionalAttrDict(op: Operation, elided?: readonly string[], withKeyword?: boolean): void;
  printRegion(r: Region, opts?: { printEntryBlockArgs?: boolean; printEmptyBlock?: boolean }): void;
  /** `%arg0: type` (with loc under debug info). */
  printBlockArgument(v: Value, withType?: boolean): void;
  valueName(v: Value): string;
  readonly options: PrintOptions;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Dictionaries up to this size are insertion-sorted in place. */
const SMALL_DICT = 16;

const GENERIC_REGION = { printEntryBlockArgs: true, printEmptyBlock: true } as const;

/** SSA names of one isolated region (as MLIR's SSANameState): numbering and the names given. */
class NameScope {
  nextValue = 0;
  nextArg = 0;
  // One Map per isolated region: small tables instead of one that rehashes up to every value.
  readonly names = new Map<Value, string>();
}

export class Printer implements OpPrinter {
  // Characters are copied into one buffer (see output-buffer.ts for why not a rope or a join).
  private out = new OutputBuffer();
  private indent = 0;
  private blockNames = new Map<Block, string>();
  private scopes: NameScope[] = [new NameScope()];
  /** Scopes already printed: only a value used outside its isolated region is looked up here. */
  private closedScopes: NameScope[] = [];
  // Dictionary entries being printed, as a stack (dictionaries nest): names and values side by side.
  private dictKeys: string[] = [];
  private dictVals: Attribute[] = [];
  private dictTop = 0;
  private mapAliases = new Map<string, string>();
  private mapAliasDefs: string[] = [];
  private resources = new Map<string, ResourceBlob>();

  constructor(readonly options: PrintOptions = {}) {}

  write(s: string): void { this.out.write(s); }
  private nl(): void { this.out.write(INDENTS[this.indent] ?? "\n" + "  ".repeat(this.indent)); }

  /** Prints a top-level op (usually a module) with alias and resource sections. */
  printTopLevel(op: Operation): string {
    this.printOp(op);
    const body = this.out.toString();
    const head = this.mapAliasDefs.length ? this.mapAliasDefs.join("\n") + "\n" : "";
    return head + body + "\n" + this.resourceSection();
  }

  private resourceSection(): string {
    if (!this.resources.size) return "";
    const byDialect = new Map<string, ResourceBlob[]>();
    for (const b of this.resources.values()) {
      if (!b.data) continue;
      let l = byDialect.get(b.dialect);
      if (!l) byDialect.set(b.dialect, (l = []));
      l.push(b);
    }
    if (!byDialect.size) return "";
    const lines = ["", "{-#", "  dialect_resources: {"];
    const ds = [...byDialect.entries()];
    ds.forEach(([d, blobs], di) => {
      lines.push(`    ${d}: {`);
      blobs.forEach((b, bi) => {
        const align = new Uint8Array(new Uint32Array([b.alignment]).buffer);
        lines.push(`      ${BARE_ID.test(b.name) ? b.name : quoteString(b.name)}: "0x${bytesToHex(align)}${bytesToHex(b.data!)}"${bi < blobs.length - 1 ? "," : ""}`);
      });
      lines.push(`    }${di < ds.length - 1 ? "," : ""}`);
    });
    lines.push("  }", "#-}", "");
    return lines.join("\n");
  }

  valueName(v: Value): string {
    let n = this.liveName(v);
    if (n === undefined) for (const s of this.closedScopes) if ((n = s.names.get(v)) !== undefined) break;
    if (n === undefined) {
      // A value defined outside what is being printed (e.g. printing a nested op alone).
      n = `%<<UNKNOWN SSA VALUE>>`;
    }
    return n;
  }

  /** The name given to `v` in the current scope or an enclosing one. */
  private liveName(v: Value): string | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const n = this.scopes[i]!.names.get(v);
      if (n !== undefined) return n;
    }
    return undefined;
  }

  /** Names the op's results; returns the base name (`%N`) or undefined when it has none. */
  private nameResults(op: Operation): string | undefined {
    const rs = op.results;
    if (!rs.length) return undefined;
    const s = this.scopes[this.scopes.length - 1]!;
    const base = resultName(s.nextValue++);
    if (rs.length === 1) s.names.set(rs[0]!, base);
    else for (let i = 0; i < rs.length; i++) s.names.set(rs[i]!, `${base}#${i}`);
    return base;
  }

  private nameBlock(b: Block, index: number): void {
    const s = this.scopes[this.scopes.length - 1]!;
    this.blockNames.set(b, `^bb${index}`);
    for (const a of b.args) if (this.liveName(a) === undefined) s.names.set(a, `%arg${s.nextArg++}`);
  }

  printOperand(v: Value): void { this.write(this.valueName(v)); }
  printOperands(vs: readonly Value[]): void {
    for (let i = 0; i < vs.length; i++) {
      if (i) this.write(", ");
      this.write(this.valueName(vs[i]!));
    }
  }

  printOp(op: Operation): void {
    const base = this.nameResults(op);
    // Values inside an isolated op are numbered from zero (as MLIR's SSA name state).
    const isolated = op.regions.length > 0 && op.hasTrait("IsolatedFromAbove");
    if (isolated) this.scopes.push(new NameScope());
    if (base !== undefined) {
      this.write(base);
      if (op.results.length > 1) this.write(":" + op.results.length);
      this.write(" = ");
    }
    const fmt = op.def?.format;
    if (fmt && !this.options.generic) {
      this.write(op.name.startsWith("builtin.") ? op.name.slice(8) : op.name);
      fmt.print(op, this);
    } else {
      this.printGeneric(op);
    }
    if (isolated) this.closedScopes.push(this.scopes.pop()!);
    if (this.options.debugInfo) this.write(" " + printLoc(op.loc));
  }

  private printGeneric(op: Operation): void {
    this.write(quotedOpName(op.name));
    this.write("(");
    const operands = op.operands;
    for (let i = 0; i < operands.length; i++) {
      if (i) this.write(", ");
      this.write(this.valueName(operands[i]!.value));
    }
    this.write(")");
    if (op.successors.length) {
      this.write("[");
      op.successors.forEach((b, i) => {
        if (i) this.write(", ");
        this.write(this.blockNames.get(b) ?? "^<<UNKNOWN BLOCK>>");
      });
      this.write("]");
    }
    let props: ReadonlyMap<string, Attribute> = op.properties;
    if (this.options.elideDefaultProperties && op.def && props.size) {
      props = new Map([...props].filter(([k, v]) => !op.def!.attributes.get(k)?.default?.equals(v)));
    }
    if (props.size) {
      this.write(" <");
      this.printDict(props);
      this.write(">");
    }
    if (op.regions.length) {
      this.write(" (");
      op.regions.forEach((r, i) => {
        if (i) this.write(", ");
        this.printRegion(r, GENERIC_REGION);
      });
      this.write(")");
    }
    if (op.attributes.size) {
      this.write(" ");
      this.printDict(op.attributes);
    }
    this.write(" : (");
    for (let i = 0; i < operands.length; i++) {
      if (i) this.write(", ");
      this.write(operands[i]!.value.type.key);
    }
    this.write(") -> ");
    const rt = op.results;
    if (rt.length === 1 && !rt[0]!.type.key.startsWith("(")) this.write(rt[0]!.type.key);
    else {
      this.write("(");
      for (let i = 0; i < rt.length; i++) {
        if (i) this.write(", ");
        this.write(rt[i]!.type.key);
      }
      this.write(")");
    }
  }

  /** `{k = v, ...}` sorted by name. */
  private printDict(m: ReadonlyMap<string, Attribute> | ReadonlyArray<readonly [string, Attribute]>, sorted = false): void {
    const base = this.dictTop;
    if (m instanceof Map) this.pushEntries(m as ReadonlyMap<string, Attribute>);
    else for (const e of m as ReadonlyArray<readonly [string, Attribute]>) this.pushEntry(e[0], e[1]);
    this.printEntries(base, sorted);
  }

  private pushEntries(m: ReadonlyMap<string, Attribute>, elided?: readonly string[]): void {
    // Keys then `get`: iterating entries would make a [key, value] pair per entry.
    for (const k of m.keys()) if (!elided?.includes(k)) this.pushEntry(k, m.get(k)!);
  }
  private pushEntry(k: string, v: Attribute): void {
    this.dictKeys[this.dictTop] = k;
    this.dictVals[this.dictTop++] = v;
  }

  /** Prints entries [base, top) as `{...}` (sorted by name unless already) and pops them. */
  private printEntries(base: number, sorted: boolean): void {
    const ks = this.dictKeys, vs = this.dictVals, top = this.dictTop;
    if (!sorted && top - base > SMALL_DICT) {
      const order = Array.from({ length: top - base }, (_, i) => base + i).sort((a, b) => byName(ks[a]!, ks[b]!) || a - b);
      const k2 = order.map((i) => ks[i]!), v2 = order.map((i) => vs[i]!);
      for (let i = base; i < top; i++) { ks[i] = k2[i - base]!; vs[i] = v2[i - base]!; }
    } else if (!sorted) {
      // Insertion sort: stable, no allocation, and op dictionaries are small.
      for (let i = base + 1; i < top; i++) {
        const k = ks[i]!, v = vs[i]!;
        let j = i - 1;
        for (; j >= base && ks[j]! > k; j--) { ks[j + 1] = ks[j]!; vs[j + 1] = vs[j]!; }
        ks[j + 1] = k;
        vs[j + 1] = v;
      }
    }
    this.write("{");
    // Values may print nested dictionaries: they push above `top` and pop back to it.
    for (let i = base; i < top; i++) {
      if (i > base) this.write(", ");
      const k = ks[i]!, v = vs[i]!;
      this.write(BARE_ID.test(k) ? k : quoteString(k));
      if (!(v instanceof UnitAttr)) {
        this.write(" = ");
        this.printAttribute(v);
      }
    }
    this.write("}");
    this.dictTop = base;
  }

  printOptionalAttrDict(op: Operation, elided: readonly string[] = [], withKeyword = false): void {
    const base = this.dictTop;
    this.pushEntries(op.properties, elided);
    this.pushEntries(op.attributes, elided);
    if (this.dictTop === base) return;
    this.write(withKeyword ? " attributes " : " ");
    this.printEntries(base, false);
  }

  printRegion(r: Region, opts: { printEntryBlockArgs?: boolean; printEmptyBlock?: boolean } = {}): void {
    // Blocks are named before printing so that forward branches print their label.
    r.blocks.forEach((b, i) => this.nameBlock(b, i));
    this.write("{");
    this.indent++;
    r.blocks.forEach((b, i) => {
      const printHeader = i > 0 || (opts.printEntryBlockArgs !== false && b.args.length > 0) || (i === 0 && opts.printEmptyBlock && b.empty);
      if (printHeader) {
        this.indent--;
        this.nl();
        this.write(this.blockNames.get(b)!);
        if (b.args.length) {
          this.write("(");
          b.args.forEach((a, j) => {
            if (j) this.write(", ");
            this.printBlockArgument(a, true);
          });
          this.write(")");
        }
        this.write(":");
        this.indent++;
      }
      for (let op = b.first; op; op = op.next) {
        this.nl();
        this.printOp(op);
      }
    });
    this.indent--;
    this.nl();
    this.write("}");
  }

  printBlockArgument(v: Value, withType = true): void {
    if (this.liveName(v) === undefined) {
      const s = this.scopes[this.scopes.length - 1]!;
      s.names.set(v, `%arg${s.nextArg++}`);
    }
    this.write(this.valueName(v));
    if (withType) this.write(`: ${v.type.key}`);
    if (this.options.debugInfo && v.parentBlock) {
      const b = v.parentBlock;
      const idx = b.args.indexOf(v as never);
      const loc = b.argLocs[idx];
      if (loc) this.write(" " + printLoc(loc));
    }
  }

  printType(t: Type): void { this.write(t.key); }

  printAttribute(a: Attribute): void { this.write(this.attrText(a)); }

  attrText(a: Attribute): string {
    if (a instanceof IntegerAttr) {
      if (a.type instanceof IntegerType && a.type.width === 1 && a.type.signedness === "signless") return a.value ? "true" : "false";
      return `${a.value} : ${a.type.key}`;
    }
    if (a instanceof FloatAttr) return `${this.floatText(a.value, a.type)} : ${a.type.key}`;
    if (a instanceof StringAttr) return quoteString(a.value);
    if (a instanceof UnitAttr) return "unit";
    if (a instanceof TypeAttr) return a.type.key;
    if (a instanceof SymbolRefAttr) return [a.root, ...a.nested].map(printSymbolName).join("::");
    if (a instanceof ArrayAttr) return `[${a.elements.map((e) => this.attrText(e)).join(", ")}]`;
    if (a instanceof DenseArrayAttr) {
      if (!a.values.length) return `array<${a.elementType.key}>`;
      const vals = a.elementType instanceof FloatType
        ? a.values.map((v) => this.floatText(v, a.elementType as FloatType))
        : a.elementType instanceof IntegerType && a.elementType.width === 1 ? a.values.map((v) => (v ? "true" : "false")) : a.values.map((v) => (Number.isSafeInteger(v) || !Number.isInteger(v) ? String(v) : BigInt(v).toString()));
      return `array<${a.elementType.key}: ${vals.join(", ")}>`;
    }
    if (a instanceof DictionaryAttr) {
      const mark = this.out.length;
      this.printDict(a.entries, true);
      return this.out.takeFrom(mark);
    }
    if (a instanceof AffineMapAttr) return this.affineMapRef(a.map);
    if (a instanceof DenseElementsAttr) return this.denseText(a);
    if (a instanceof DenseResourceAttr) {
      this.resources.set(a.blob.name, a.blob);
      return `dense_resource<${BARE_ID.test(a.blob.name) ? a.blob.name : quoteString(a.blob.name)}> : ${a.type.key}`;
    }
    if (a instanceof DialectAttr) return a.text;
    if (a instanceof LocationAttrLike) return printLoc(a.loc);
    throw new Error(`cannot print attribute ${a.constructor.name}`);
  }

  private affineMapRef(m: AffineMap): string {
    const text = `affine_map<${m.toString()}>`;
    let alias = this.mapAliases.get(text);
    if (!alias) {
      const n = this.mapAliases.size;
      alias = n === 0 ? "#map" : `#map${n}`;
      this.mapAliases.set(text, alias);
      this.mapAliasDefs.push(`${alias} = ${text}`);
    }
    return alias;
  }

  private floatText(v: number, t: Type): string {
    const w = t instanceof FloatType ? t.width : 64;
    const s = formatFloat(v, w === 64 ? 64 : w === 32 ? 32 : 16);
    return s ?? floatBitsHex(v, w === 64 ? 64 : 32);
  }

  private elemText(v: number | bigint, t: Type): string {
    if (t instanceof FloatType) return this.floatText(v as number, t);
    if (t instanceof IntegerType && t.width === 1) return v ? "true" : "false";
    return String(v);
  }

  private denseText(a: DenseElementsAttr): string {
    const n = a.type.numElements;
    const et = a.elementType;
    const elide = this.options.elideElementsAttrsIfLarger;
    if (elide !== undefined && n > elide) return `dense_resource<__elided__> : ${a.type.key}`;
    if (a.isSplat) return `dense<${this.elemText(a.data[0]!, et)}> : ${a.type.key}`;
    const isBool = et instanceof IntegerType && et.width === 1;
    const hexFrom = this.options.hexThreshold ?? 100;
    const f16 = et instanceof FloatType && et.width === 16;
    if (!isBool && !f16 && n >= hexFrom && !(et instanceof IndexType)) {
      const d = a.data;
      return `dense<"0x${bytesToHex(new Uint8Array(d.buffer, d.byteOffset, d.byteLength))}"> : ${a.type.key}`;
    }
    const shape = a.type.shape;
    const parts: string[] = [];
    let i = 0;
    const rec = (dim: number): void => {
      if (dim === shape.length) {
        parts.push(this.elemText(a.data[i++]!, et));
        return;
      }
      parts.push("[");
      for (let k = 0; k < shape[dim]!; k++) {
        if (k) parts.push(", ");
        rec(dim + 1);
      }
      parts.push("]");
    };
    rec(0);
    return `dense<${parts.join("")}> : ${a.type.key}`;
  }
}

/** A location carried as an attribute value. */
export class LocationAttrLike extends Attribute {
  constructor(readonly loc: Location) { super(); }
  equals(o: Attribute): boolean { return o instanceof LocationAttrLike && o.loc.equals(this.loc); }
  hashKey(): string { return this.loc.toString(); }
}

export function printLoc(loc: Location): string {
  return (loc ?? UnknownLoc.instance).toString();
}

/** Prints an op (usually a builtin.module) as a complete MLIR file. */
export function printOp(op: Operation, options: PrintOptions = {}): string {
  return new Printer(options).printTopLevel(op);
}

export function printType(t: Type): string { return t.key; }
export function printAttribute(a: Attribute): string { return new Printer().attrText(a); }
export { OpResult };
