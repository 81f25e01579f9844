// MLIR textual parser: generic op form, custom forms declared by ops, attribute/type aliases,
// locations (incl. `#loc` aliases defined after use), and the `{-# dialect_resources #-}` section.
import { Lexer, type TokKind } from "./lexer.js";
import { ParseError } from "../ir/diagnostics.js";
import { Operation } from "../ir/operation.js";
import { Region } from "../ir/region.js";
import { Block } from "../ir/block.js";
import type { Value } from "../ir/value.js";
import type { Context } from "../ir/context.js";
import {
  DYNAMIC, FloatType, FunctionType, IndexType, IntegerType, NoneType, OpaqueType, RankedTensorType,
  UnrankedTensorType, type Type, type FloatKind,
} from "../ir/type.js";
import {
  AffineMapAttr, ArrayAttr, Attribute, DenseArrayAttr, DenseElementsAttr, DenseResourceAttr, DialectAttr, DictionaryAttr,
  FloatAttr, IntegerAttr, ResourceBlob, StringAttr, SymbolRefAttr, TypeAttr, UnitAttr, dtypeOf, BoolAttr,
} from "../ir/attribute.js";
import { AffineMap, bin, cst, dim, sym, type AffineExpr } from "../ir/affine.js";
import { CallSiteLoc, FileLineColLoc, FusedLoc, NameLoc, UnknownLoc, type Location } from "../ir/location.js";
import { lookupOpDef, type OpDef } from "../ir/opdef-registry.js";
import { lookupTypeDef, type TypeParamSpec, type TypeParamValue } from "../ir/typedef.js";
import { lookupAttrDef } from "../ir/attrdef.js";
import { floatFromBits, hexToBytes } from "./format-number.js";
import { allocData, setElem, type TypedData } from "../interp/tensor.js";
import { LocationAttrLike } from "./printer.js";
import { SpellingMemo } from "./spelling-memo.js";
import { OperandRef, SsaScopes, ssaKeyAt, ssaKeyOf, ssaName, type SsaKey } from "./ssa-scopes.js";

/** An op name as spelled, the op it names (after default dialects) and its declaration. */
interface OpName { readonly spelled: string; readonly name: string; readonly def: OpDef | undefined }

/** Op names by spelled length, matched in place against the source (see quotedOpName). */
type NameTable = Map<number, OpName[]>;
function seenName(table: NameTable, src: string, from: number, len: number): OpName | undefined {
  const list = table.get(len);
  if (list) for (const e of list) if (src.startsWith(e.spelled, from)) return e;
  return undefined;
}
/** Bounded: a file with very many distinct names costs at most 32 compares per lookup. */
function keepName(table: NameTable, e: OpName): void {
  const list = table.get(e.spelled.length);
  if (!list) table.set(e.spelled.length, [e]);
  else if (list.length < 32) list.push(e);
}

export interface UnresolvedOperand { name: string; index: number; pos: number }
export interface ParsedArgument { name: string; type: Type; loc?: Location; pos: number }

/** Parsing hooks available to custom op formats. */
export interface OpParser {
  readonly lexer: Lexer;
  error(msg: string): never;
  is(k: TokKind): boolean;
  consume(k: TokKind): boolean;
  expect(k: TokKind, what?: string): void;
  isKeyword(kw: string): boolean;
  parseOptionalKeyword(kw: string): boolean;
  parseKeyword(kw: string): void;
  parseSymbolName(): string;
  parseOperandRef(): UnresolvedOperand;
  /** `(%a, %b#1, ...)`, possibly empty. */
  parseParenOperandRefs(): UnresolvedOperand[];
  resolveOperand(u: UnresolvedOperand, t: Type): Value;
  parseType(): Type;
  parseColonType(): Type;
  parseAttribute(): Attribute;
  parseAttrDict(): Map<string, Attribute>;
  parseOptionalAttrDict(): Map<string, Attribute>;
  parseOptionalAttrDictWithKeyword(): Map<string, Attribute>;
  /** `%name: type loc?` */
  parseArgument(): ParsedArgument;
  /** Parses `{...}`; `entryArgs` become the entry block's arguments (as func.func's). */
  parseRegion(into: Region, entryArgs?: readonly ParsedArgument[], isolated?: boolean): void;
  /** The location of the token about to be parsed. */
  currentLoc(): Location;
}

export interface ParseOptions {
  context?: Context;
  file?: string;
  /** Accept ops of dialects that are not loaded (`--allow-unregistered-dialect`). */
  allowUnregistered?: boolean;
}

export class Parser implements OpParser {
  readonly lexer: Lexer;
  private readonly ssa = new SsaScopes((msg, pos) => this.error(msg, pos));
  private attrAliases = new Map<string, Attribute>();
  private typeAliases = new Map<string, Type>();
  private locAliases = new Map<string, Location>();
  private pendingLocs: { op?: Operation; block?: Block; arg?: number; alias: string; pos: number }[] = [];
  private blobs = new Map<string, ResourceBlob>();
  private blockScopes: Map<string, { block: Block; defined: boolean; pos: number }>[] = [];
  private readonly allowUnregistered: boolean;
  // Operand references awaiting their types (see parseGenericOp) and the last scanned one. The
  // stack top is a counter: truncating `length` would free the arrays' storage on every op.
  private refTop = 0;
  private refKeys: SsaKey[] = [];
  private refIndices: number[] = [];
  private refPositions: number[] = [];
  private refIndex = 0;
  private refPos = 0;
  // Component types of function types being parsed (see parseFunctionType).
  private typeStack: Type[] = [];
  private typeTop = 0;
  // Recent function types by spelling (see spelling-memo.ts).
  private fnTypes = new SpellingMemo();
  // Op names seen in this file, generic (quoted) and custom (bare) spellings.
  private opNames: NameTable = new Map();
  private bareOpNames: NameTable = new Map();

  constructor(src: string, readonly opts: ParseOptions = {}) {
    this.lexer = new Lexer(src, opts.file ?? "-");
    this.allowUnregistered = opts.allowUnregistered ?? opts.context?.allowUnregistered ?? false;
  }

  // ---- token helpers ----
  error(msg: string, pos?: number): never { this.lexer.error(msg, pos); }
  is(k: TokKind): boolean { return this.lexer.kind === k; }
  consume(k: TokKind): boolean {
    if (this.lexer.kind !== k) return false;
    this.lexer.next();
    return true;
  }
  expect(k: TokKind, what?: string): void {
    if (!this.consume(k)) this.error(`expected ${what ?? `'${k}'`}`);
  }
  isKeyword(kw: string): boolean { return this.lexer.kind === "bare_id" && this.lexer.text === kw; }
  parseOptionalKeyword(kw: string): boolean {
    if (!this.isKeyword(kw)) return false;
    this.lexer.next();
    return true;
  }
  parseKeyword(kw: string): void {
    if (!this.parseOptionalKeyword(kw)) this.error(`expected '${kw}'`);
  }
  currentLoc(): Location { return this.lexer.loc(); }

  // ---- top level ----
  /** Parses a whole file into a top-level op (an implicit builtin.module wraps loose ops). */
  parseTopLevel(): Operation {
    const ops: Operation[] = [];
    this.pushScope(true);
    const block = new Block();
    this.blockScopes.push(new Map());
    while (!this.is("eof")) {
      if (this.is("hash_id") && this.peekAliasDef()) { this.parseAttrAliasDef(); continue; }
      if (this.is("excl_id") && this.peekAliasDef()) { this.parseTypeAliasDef(); continue; }
      if (this.is("{-#")) { this.parseFileMetadata(); continue; }
      const op = this.parseOperation();
      block.append(op);
      ops.push(op);
    }
    this.popScope();
    this.blockScopes.pop();
    this.resolvePendingLocs();
    for (const b of this.blobs.values()) {
      if (!b.data && b.name !== "__elided__") throw new ParseError(`dense_resource '${b.name}' has no data in the file's dialect_resources section`);
    }
    if (ops.length === 1 && ops[0]!.name === "builtin.module") {
      ops[0]!.remove();
      return ops[0]!;
    }
    const mod = Operation.create({ name: "builtin.module", regions: 1 });
    // Read when asked for: resolving it now would index the lines of the whole file.
    mod.setSourceLoc(this.lexer, 0);
    mod.region(0).addBlock(block);
    return mod;
  }

  private peekAliasDef(): boolean {
    // `#name = ...` or `!name = ...` at top level.
    const save = this.lexer.end;
    const s = this.lexer.src;
    let i = save;
    while (i < s.length && /\s/.test(s[i]!)) i++;
    return s[i] === "=";
  }

  private parseAttrAliasDef(): void {
    const name = this.lexer.text;
    this.lexer.next();
    this.expect("=");
    if (this.isKeyword("loc")) {
      this.locAliases.set(name, this.parseLocation());
      return;
    }
    this.attrAliases.set(name, this.parseAttribute());
  }

  private parseTypeAliasDef(): void {
    const name = this.lexer.text;
    this.lexer.next();
    this.expect("=");
    this.typeAliases.set(name, this.parseType());
  }

  private parseFileMetadata(): void {
    this.expect("{-#");
    while (!this.is("#-}")) {
      const key = this.lexer.text;
      this.expect("bare_id", "metadata key");
      this.expect(":");
      this.expect("{");
      if (key === "dialect_resources" || key === "external_resources") {
        this.parseCommaList(() => {
          const dialect = this.lexer.text;
          this.lexer.next();
          this.expect(":");
          this.expect("{");
          this.parseCommaList(() => {
            const name = this.is("string") ? this.lexer.stringValue() : this.lexer.text;
            const pos = this.lexer.start;
            this.lexer.next();
            this.expect(":");
            if (!this.is("string")) this.error("expected a hex string for resource blob");
            const hex = this.lexer.stringValue();
            this.lexer.next();
            if (key === "external_resources") return;
            const bytes = hex.startsWith("0x") ? hexToBytes(hex.slice(2)) : undefined;
            if (!bytes || bytes.length < 4) this.error(`malformed resource blob '${name}'`, pos);
            const align = new DataView(bytes.buffer).getUint32(0, true);
            const blob = this.blob(dialect, name);
            blob.alignment = align;
            blob.data = bytes.slice(4);
          }, "}");
        }, "}");
      } else {
        this.skipBalanced("{", "}");
      }
      this.consume(",");
    }
    this.expect("#-}");
  }

  private skipBalanced(open: TokKind, close: TokKind): void {
    let depth = 1;
    while (depth > 0) {
      if (this.is("eof")) this.error(`unbalanced '${open}'`);
      if (this.is(open)) depth++;
      else if (this.is(close)) depth--;
      this.lexer.next();
    }
  }

  private blob(dialect: string, name: string): ResourceBlob {
    let b = this.blobs.get(name);
    if (!b) this.blobs.set(name, (b = new ResourceBlob(dialect, name)));
    return b;
  }

  /** Parses `elem (, elem)* close` (close consumed); an immediate close gives an empty list. */
  private parseCommaList(elem: () => void, close: TokKind): void {
    if (this.consume(close)) return;
    do elem();
    while (this.consume(","));
    this.expect(close);
  }

  // ---- values and scopes ----
  private pushScope(isolated: boolean): void { this.ssa.push(isolated); }
  private popScope(): void { this.ssa.pop(); }
  private define(key: SsaKey, values: readonly Value[], pos: number): void { this.ssa.define(key, values, pos); }

  parseParenOperandRefs(): UnresolvedOperand[] {
    this.expect("(");
    const refs: UnresolvedOperand[] = [];
    this.parseCommaList(() => refs.push(this.parseOperandRef()), ")");
    return refs;
  }

  parseOperandRef(): UnresolvedOperand {
    const key = this.scanOperandRef();
    return new OperandRef(key, this.refIndex, this.refPos);
  }

  /** Reads `%name` or `%name#N`; the result number and position are left in refIndex/refPos. */
  private scanOperandRef(): SsaKey {
    if (!this.is("percent_id")) this.error("expected SSA operand");
    const pos = this.lexer.start;
    const end = this.lexer.end;
    const key = ssaKeyAt(this.lexer.src, pos, end);
    let index = 0;
    this.lexer.next();
    // `%x#1`: the lexer stops at '#'; the suffix arrives as a hash_id token directly attached.
    if (this.is("hash_id") && this.lexer.start === end) {
      index = Number(this.lexer.text.slice(1));
      if (!Number.isInteger(index)) this.error("invalid result number");
      this.lexer.next();
    }
    this.refIndex = index;
    this.refPos = pos;
    return key;
  }

  resolveOperand(u: UnresolvedOperand, t: Type): Value {
    return this.resolveRef(u instanceof OperandRef ? u.key : ssaKeyOf(u.name), u.index, u.pos, t);
  }

  private resolveRef(key: SsaKey, index: number, pos: number, t: Type): Value {
    const vs = this.ssa.lookup(key);
    if (!vs) return this.ssa.forwardRef(key, index, pos, t);
    const v = vs[index];
    if (!v) this.error(`result number ${index} of '${ssaName(key)}' out of range (it has ${vs.length})`, pos);
    if (v.type !== t) this.error(`use of value '${ssaName(key)}' expects different type than prior uses: '${t.key}' vs '${v.type.key}'`, pos);
    return v;
  }

  // ---- operations ----
  parseOperation(): Operation {
    const opPos = this.lexer.start;
    // Result names: the first group is kept in locals (nearly every op has one); further groups
    // (`%a, %b:2 = ...`) go to a list.
    let firstName: SsaKey | undefined;
    let firstCount = 1;
    let firstPos = 0;
    let more: { name: SsaKey; count: number; pos: number }[] | undefined;
    if (this.is("percent_id")) {
      do {
        const pos = this.lexer.start;
        const name = ssaKeyAt(this.lexer.src, pos, this.lexer.end);
        this.expect("percent_id", "SSA result name");
        let count = 1;
        if (this.consume(":")) {
          if (!this.is("integer")) this.error("expected result count");
          count = Number(this.lexer.text);
          this.lexer.next();
        }
        if (firstName === undefined) { firstName = name; firstCount = count; firstPos = pos; }
        else (more ??= []).push({ name, count, pos });
      } while (this.consume(","));
      this.expect("=");
    }
    let op: Operation;
    if (this.is("string")) op = this.parseGenericOp(opPos);
    else if (this.is("bare_id")) op = this.parseCustomOp(opPos);
    else this.error("expected operation name in quotes");
    this.parseTrailingLoc(op);
    if (firstName === undefined) return op;
    const results = op.results;
    let total = firstCount;
    if (more) for (const r of more) total += r.count;
    if (total !== results.length) {
      this.error(`operation defines ${results.length} results but was provided ${total} to bind`, opPos);
    }
    // One group naming every result binds the op's own (readonly) result list, no copy.
    this.define(firstName, more ? results.slice(0, firstCount) : results, firstPos);
    if (more) {
      let at = firstCount;
      for (const r of more) {
        this.define(r.name, results.slice(at, at + r.count), r.pos);
        at += r.count;
      }
    }
    return op;
  }

  private checkRegistered(name: string, def: OpDef | undefined, pos: number): void {
    if (def) {
      const ctx = this.opts.context;
      if (!ctx || ctx.isLoaded(def.dialect) || this.allowUnregistered) return;
    }
    if (!this.allowUnregistered) {
      this.error(`operation being parsed with an unregistered dialect: '${name}' (use --allow-unregistered-dialect)`, pos);
    }
  }

  /**
   * The op name of the current string token and its declaration. Names seen before in this file
   * are matched in place against the source (no string slice, unescape or registry lookup per
   * op); a registered op keeps its declaration's name string (one shared copy, not one per op).
   */
  private quotedOpName(): OpName {
    const from = this.lexer.start + 1;
    const len = this.lexer.end - 1 - from;
    const seen = seenName(this.opNames, this.lexer.src, from, len);
    if (seen) return seen;
    const spelled = this.lexer.stringValue();
    const def = lookupOpDef(spelled);
    const entry: OpName = { spelled, name: def ? def.name : spelled, def };
    // Only names spelled without escapes can be matched character for character.
    if (spelled.length === len) keepName(this.opNames, entry);
    return entry;
  }

  /** The same for a custom-form op name (a bare identifier), with the default dialects applied. */
  private bareOpName(): OpName {
    const from = this.lexer.start;
    const seen = seenName(this.bareOpNames, this.lexer.src, from, this.lexer.end - from);
    if (seen) return seen;
    const spelled = this.lexer.text;
    let def = lookupOpDef(spelled);
    if (!def && !spelled.includes(".")) {
      // Default dialects: builtin for top-level names, then the enclosing op's dialect (as
      // `return` inside `func.func`).
      def = lookupOpDef(`builtin.${spelled}`) ?? lookupOpDef(`func.${spelled}`);
    }
    const entry: OpName = { spelled, name: def ? def.name : spelled, def };
    keepName(this.bareOpNames, entry);
    return entry;
  }

  /** The op starting at `opPos` (its location, read from there when first asked for). */
  private parseGenericOp(opPos: number): Operation {
    const namePos = this.lexer.start;
    const { name, def } = this.quotedOpName();
    this.lexer.next();
    this.checkRegistered(name, def, namePos);
    this.expect("(");
    // Operand references wait on a stack until the function type gives their types (ops nest
    // through regions, so the stack is shared and cut back to `base` when this op is done).
    const base = this.refTop;
    if (!this.consume(")")) {
      do {
        const key = this.scanOperandRef();
        this.refKeys[this.refTop] = key;
        this.refIndices[this.refTop] = this.refIndex;
        this.refPositions[this.refTop++] = this.refPos;
      } while (this.consume(","));
      this.expect(")");
    }
    let successors: Block[] | undefined;
    if (this.consume("[")) {
      successors = [];
      if (!this.consume("]")) {
        do successors.push(this.parseSuccessor());
        while (this.consume(","));
        this.expect("]");
      }
    }
    let properties: Map<string, Attribute> | undefined;
    if (this.is("<")) {
      this.lexer.next();
      properties = this.parseAttrDict();
      this.expect(">");
    }
    let regions: Region[] | undefined;
    if (this.consume("(")) {
      regions = [];
      const isolated = def?.traits.has("IsolatedFromAbove") ?? false;
      if (!this.consume(")")) {
        do {
          const r = new Region();
          this.parseRegion(r, undefined, isolated);
          regions.push(r);
        } while (this.consume(","));
        this.expect(")");
      }
    }
    const attributes = this.is("{") ? this.parseAttrDict() : undefined;
    this.expect(":", "':' followed by the operation's function type");
    const ftPos = this.lexer.start;
    const ft = this.parseType();
    if (!(ft instanceof FunctionType)) this.error("expected function type", ftPos);
    const count = this.refTop - base;
    if (ft.inputs.length !== count) {
      this.error(`expected ${count} operand type${count === 1 ? "" : "s"} but had ${ft.inputs.length}`, ftPos);
    }
    const values = new Array<Value>(count);
    for (let i = 0; i < count; i++) {
      values[i] = this.resolveRef(this.refKeys[base + i]!, this.refIndices[base + i]!, this.refPositions[base + i]!, ft.inputs[i]!);
    }
    this.refTop = base;
    return Operation.createParsed(name, def, values, ft.results, properties, attributes, regions, successors, this.lexer, opPos);
  }

  private parseCustomOp(opPos: number): Operation {
    const pos = this.lexer.start;
    const { name, def } = this.bareOpName();
    if (!def?.format) this.error(`custom op '${name}' is unknown (use the generic form "${name}"(...) or load its dialect)`, pos);
    this.checkRegistered(name, def, pos);
    this.lexer.next();
    const op = def.format.parse(this, name);
    op.setSourceLoc(this.lexer, opPos);
    return op;
  }

  private parseSuccessor(): Block {
    if (!this.is("caret_id")) this.error("expected block name");
    const name = this.lexer.text;
    const pos = this.lexer.start;
    this.lexer.next();
    return this.getBlock(name, pos);
  }

  private getBlock(name: string, pos: number): Block {
    const m = this.blockScopes[this.blockScopes.length - 1]!;
    let e = m.get(name);
    if (!e) m.set(name, (e = { block: new Block(), defined: false, pos }));
    return e.block;
  }

  private parseTrailingLoc(op: Operation): void {
    if (!this.isKeyword("loc")) return;
    const loc = this.parseLocationOrAlias((alias, pos) => this.pendingLocs.push({ op, alias, pos }));
    if (loc) op.loc = loc;
  }

  /** Parses `loc(...)`; an alias not yet defined is recorded for later resolution. */
  private parseLocationOrAlias(defer: (alias: string, pos: number) => void): Location | undefined {
    this.parseKeyword("loc");
    this.expect("(");
    if (this.is("hash_id")) {
      const alias = this.lexer.text;
      const pos = this.lexer.start;
      this.lexer.next();
      this.expect(")");
      const l = this.locAliases.get(alias);
      if (l) return l;
      defer(alias, pos);
      return undefined;
    }
    const l = this.parseLocationBody();
    this.expect(")");
    return l;
  }

  parseLocation(): Location {
    const l = this.parseLocationOrAlias((a, pos) => this.error(`undefined location alias '${a}'`, pos));
    return l!;
  }

  private parseLocationBody(): Location {
    if (this.is("hash_id")) {
      const a = this.lexer.text;
      const l = this.locAliases.get(a);
      if (!l) this.error(`undefined location alias '${a}'`);
      this.lexer.next();
      return l;
    }
    if (this.parseOptionalKeyword("unknown")) return UnknownLoc.instance;
    if (this.parseOptionalKeyword("callsite")) {
      this.expect("(");
      const callee = this.parseLocationBody();
      this.parseKeyword("at");
      const caller = this.parseLocationBody();
      this.expect(")");
      return new CallSiteLoc(callee, caller);
    }
    if (this.parseOptionalKeyword("fused")) {
      let meta: string | undefined;
      if (this.consume("<")) {
        meta = this.rawUntilClose();
      }
      this.expect("[");
      const locs: Location[] = [];
      this.parseCommaList(() => locs.push(this.parseLocationBody()), "]");
      return new FusedLoc(locs, meta);
    }
    if (this.is("string")) {
      const s = this.lexer.stringValue();
      this.lexer.next();
      if (this.consume(":")) {
        const line = Number(this.lexer.text);
        this.expect("integer", "line number");
        this.expect(":");
        const col = Number(this.lexer.text);
        this.expect("integer", "column number");
        // MLIR 19+ may print ranges `file:1:2 to :3:4`; accept and drop the end.
        if (this.parseOptionalKeyword("to")) {
          if (this.consume(":")) { this.lexer.next(); if (this.consume(":")) this.lexer.next(); }
          else { this.lexer.next(); }
        }
        return new FileLineColLoc(s, line, col);
      }
      if (this.consume("(")) {
        const child = this.parseLocationBody();
        this.expect(")");
        return new NameLoc(s, child);
      }
      return new NameLoc(s);
    }
    this.error("expected location");
  }

  /** Raw text up to the matching '>' (the '<' already consumed). */
  private rawUntilClose(): string {
    const s = this.lexer.src;
    let depth = 1;
    let i = this.lexer.start;
    const from = i;
    let inStr = false;
    for (; i < s.length; i++) {
      const c = s[i];
      if (inStr) {
        if (c === "\\") i++;
        else if (c === '"') inStr = false;
        continue;
      }
      if (c === '"') inStr = true;
      else if (c === "<") depth++;
      else if (c === ">" && s[i - 1] !== "-") {
        depth--;
        if (depth === 0) break;
      }
    }
    if (depth !== 0) this.error("unbalanced '<'", from);
    const body = s.slice(from, i).trim();
    this.lexer.resetTo(i + 1);
    return body;
  }

  private resolvePendingLocs(): void {
    for (const p of this.pendingLocs) {
      const l = this.locAliases.get(p.alias);
      if (!l) this.error(`undefined location alias '${p.alias}'`, p.pos);
      if (p.op) p.op.loc = l;
      if (p.block && p.arg !== undefined) p.block.argLocs[p.arg] = l;
    }
  }

  // ---- regions and blocks ----
  parseArgument(): ParsedArgument {
    const pos = this.lexer.start;
    if (!this.is("percent_id")) this.error("expected SSA identifier for argument");
    const name = this.lexer.text;
    this.lexer.next();
    this.expect(":");
    const type = this.parseType();
    let loc: Location | undefined;
    if (this.isKeyword("loc")) loc = this.parseLocationOrAlias(() => undefined);
    return { name, type, loc, pos };
  }

  parseRegion(into: Region, entryArgs?: readonly ParsedArgument[], isolated = false): void {
    this.expect("{");
    this.pushScope(isolated);
    this.blockScopes.push(new Map());
    if (this.consume("}")) {
      if (entryArgs && entryArgs.length) {
        const b = into.addBlock(new Block());
        for (const a of entryArgs) this.define(ssaKeyOf(a.name), [b.addArg(a.type, a.loc)], a.pos);
      }
      this.popScope();
      this.blockScopes.pop();
      return;
    }
    let block: Block;
    if (!this.is("caret_id")) {
      block = into.addBlock(new Block());
      for (const a of entryArgs ?? []) this.define(ssaKeyOf(a.name), [block.addArg(a.type, a.loc)], a.pos);
    } else {
      if (entryArgs?.length) this.error("invalid block name in region with named arguments");
      block = this.parseBlockHeader(into);
    }
    for (;;) {
      if (this.consume("}")) break;
      if (this.is("caret_id")) {
        block = this.parseBlockHeader(into);
        continue;
      }
      if (this.is("eof")) this.error("expected '}' to end the region");
      block.append(this.parseOperation());
    }
    for (const [name, e] of this.blockScopes[this.blockScopes.length - 1]!) {
      if (!e.defined) this.error(`reference to an undefined block '${name}'`, e.pos);
    }
    this.popScope();
    this.blockScopes.pop();
  }

  private parseBlockHeader(into: Region): Block {
    const name = this.lexer.text;
    const pos = this.lexer.start;
    this.lexer.next();
    const m = this.blockScopes[this.blockScopes.length - 1]!;
    let e = m.get(name);
    if (e?.defined) this.error(`redefinition of block '${name}'`, pos);
    if (!e) m.set(name, (e = { block: new Block(), defined: true, pos }));
    e.defined = true;
    into.addBlock(e.block);
    if (this.consume("(")) {
      this.parseCommaList(() => {
        const a = this.parseArgument();
        this.define(ssaKeyOf(a.name), [e!.block.addArg(a.type, a.loc)], a.pos);
      }, ")");
    }
    this.expect(":");
    return e.block;
  }

  // ---- attributes ----
  parseAttrDict(): Map<string, Attribute> {
    const m = new Map<string, Attribute>();
    this.expect("{");
    this.parseCommaList(() => {
      const pos = this.lexer.start;
      let key: string;
      if (this.is("string")) key = this.lexer.stringValue();
      else if (this.is("bare_id")) key = this.lexer.text;
      else this.error("expected attribute name");
      if (m.has(key)) this.error(`duplicate key '${key}' in dictionary attribute`, pos);
      this.lexer.next();
      m.set(key, this.consume("=") ? this.parseAttribute() : UnitAttr.instance);
    }, "}");
    return m;
  }
  parseOptionalAttrDict(): Map<string, Attribute> {
    return this.is("{") ? this.parseAttrDict() : new Map();
  }
  parseOptionalAttrDictWithKeyword(): Map<string, Attribute> {
    return this.parseOptionalKeyword("attributes") ? this.parseAttrDict() : new Map();
  }

  parseAttribute(): Attribute {
    const k = this.lexer.kind;
    switch (k) {
      case "integer": case "float": case "-": return this.parseNumberAttr();
      case "string": {
        const v = this.lexer.stringValue();
        this.lexer.next();
        return new StringAttr(v);
      }
      case "[": {
        this.lexer.next();
        const els: Attribute[] = [];
        this.parseCommaList(() => els.push(this.parseAttribute()), "]");
        return new ArrayAttr(els);
      }
      case "{": return new DictionaryAttr(this.parseAttrDict());
      case "at_id": return this.parseSymbolRef();
      case "hash_id": return this.parseHashAttr();
      case "bare_id": {
        const t = this.lexer.text;
        if (t === "true" || t === "false") { this.lexer.next(); return BoolAttr.get(t === "true"); }
        if (t === "unit") { this.lexer.next(); return UnitAttr.instance; }
        if (t === "affine_map") return this.parseAffineMapAttr();
        if (t === "array") return this.parseDenseArray();
        if (t === "dense") return this.parseDense();
        if (t === "dense_resource") return this.parseDenseResource();
        if (t === "loc") return new LocationAttrLike(this.parseLocation());
        return new TypeAttr(this.parseType());
      }
      case "(": case "excl_id": return new TypeAttr(this.parseType());
      default: this.error("expected attribute value");
    }
  }

  private parseSymbolRef(): SymbolRefAttr {
    const root = this.parseSymbolName();
    const nested: string[] = [];
    while (this.consume("::")) nested.push(this.parseSymbolName());
    return new SymbolRefAttr(root, nested);
  }

  parseSymbolName(): string {
    if (!this.is("at_id")) this.error("expected symbol name (@name)");
    const t = this.lexer.text;
    const v = t.startsWith('@"') ? this.lexer.stringValue() : t.slice(1);
    this.lexer.next();
    return v;
  }

  private parseHashAttr(): Attribute {
    const t = this.lexer.text;
    const pos = this.lexer.start;
    const alias = this.attrAliases.get(t);
    if (alias) { this.lexer.next(); return alias; }
    const name = t.slice(1);
    const dot = name.indexOf(".");
    this.lexer.next();
    if (dot < 0) {
      // `#dialect<body>` pretty form.
      if (this.consume("<")) return new DialectAttr(name, "", this.rawUntilClose());
      this.error(`undefined attribute alias '${t}'`, pos);
    }
    const attached = this.lexer.start === this.lexer.end - 1 && this.is("<") && this.lexer.start === pos + t.length;
    const def = lookupAttrDef(name);
    if (def) {
      const params = attached ? this.parseParamList(def.init.params, t) : {};
      try {
        return def.get(params);
      } catch (e) {
        this.error((e as Error).message, pos);
      }
    }
    let body: string | undefined;
    if (attached) {
      this.lexer.next();
      body = this.rawUntilClose();
    }
    return new DialectAttr(name.slice(0, dot), name.slice(dot + 1), body);
  }

  private parseNumberAttr(): Attribute {
    const neg = this.consume("-");
    const pos = this.lexer.start;
    const isFloat = this.is("float");
    const text = this.lexer.text;
    if (!this.is("float") && !this.is("integer")) this.error("expected number");
    this.lexer.next();
    let type: Type | undefined;
    if (this.consume(":")) type = this.parseType();
    if (type instanceof FloatType || (isFloat && !type)) {
      const ft = (type as FloatType) ?? FloatType.get("f64");
      let v: number;
      if (!isFloat && text.startsWith("0x")) {
        if (neg) this.error("hexadecimal float literal should not have a leading minus", pos);
        v = floatFromBits(BigInt(text), ft.width === 64 ? 64 : 32);
      } else {
        v = Number(text);
        if (neg) v = -v;
      }
      return FloatAttr.get(v, ft);
    }
    if (isFloat) this.error(`floating point value not valid for specified type '${type!.key}'`, pos);
    let v = BigInt(text);
    if (neg) v = -v;
    const it = type ?? IntegerType.get(64);
    if (!(it instanceof IntegerType || it instanceof IndexType)) this.error(`integer literal not valid for specified type '${it.key}'`, pos);
    return new IntegerAttr(v, it);
  }

  private parseDenseArray(): DenseArrayAttr {
    this.lexer.next();
    this.expect("<");
    const et = this.parseType();
    const values: number[] = [];
    if (this.consume(":")) {
      do {
        if (this.isKeyword("true") || this.isKeyword("false")) { values.push(this.lexer.text === "true" ? 1 : 0); this.lexer.next(); continue; }
        const neg = this.consume("-");
        const v = Number(this.lexer.text);
        if (!this.is("integer") && !this.is("float")) this.error("expected number in array");
        this.lexer.next();
        values.push(neg ? -v : v);
      } while (this.consume(","));
    }
    this.expect(">");
    return new DenseArrayAttr(et, values);
  }

  private parseDense(): Attribute {
    this.lexer.next();
    this.expect("<");
    const litPos = this.lexer.start;
    let hex: Uint8Array | undefined;
    let shape: number[] | undefined;
    const flat: (number | bigint | string)[] = [];
    if (this.is("string")) {
      const s = this.lexer.stringValue();
      this.lexer.next();
      if (!s.startsWith("0x")) this.error("expected hex string in dense attribute", litPos);
      hex = hexToBytes(s.slice(2));
      if (!hex) this.error("malformed hex string in dense attribute", litPos);
    } else if (!this.is(">")) {
      shape = [];
      this.parseDenseElements(flat, shape, 0);
    }
    this.expect(">");
    this.expect(":");
    const tpos = this.lexer.start;
    const type = this.parseType();
    if (!(type instanceof RankedTensorType) || !type.hasStaticShape) this.error("dense attribute needs a statically shaped tensor type", tpos);
    const dt = dtypeOf(type.elementType);
    if (!dt) this.error(`unsupported element type '${type.elementType.key}' in dense attribute`, tpos);
    const n = type.numElements;
    if (hex) {
      const isSplat = hex.byteLength !== n * bytesPer(dt) && hex.byteLength === bytesPer(dt);
      const count = isSplat ? 1 : n;
      if (hex.byteLength !== count * bytesPer(dt)) this.error(`hex dense data has ${hex.byteLength} bytes, ${type.key} needs ${n * bytesPer(dt)}`, litPos);
      const data = allocData(dt, count);
      new Uint8Array(data.buffer).set(hex);
      return new DenseElementsAttr(type, data, isSplat);
    }
    if (!flat.length) {
      if (n !== 0) this.error(`empty dense attribute for ${type.key}`, litPos);
      return new DenseElementsAttr(type, allocData(dt, 0), false);
    }
    const isSplat = shape!.length === 0 && flat.length === 1;
    if (!isSplat) {
      if (shape!.length !== type.rank || shape!.some((d, i) => d !== type.shape[i])) {
        this.error(`inferred shape of elements literal ([${shape!.join(", ")}]) does not match type ([${type.shape.join(", ")}])`, litPos);
      }
    }
    const data = allocData(dt, flat.length);
    const isF = type.elementType instanceof FloatType;
    for (let i = 0; i < flat.length; i++) {
      const v = flat[i]!;
      if (typeof v === "string") {
        // A hex integer literal for a float element is its bit pattern.
        setElem(data, i, isF ? floatFromBits(BigInt(v), (type.elementType as FloatType).width === 64 ? 64 : 32) : BigInt(v));
      } else if (isF) setElem(data, i, Number(v));
      else {
        if (typeof v === "number" && !Number.isInteger(v)) this.error("expected integer elements, but parsed floating-point", litPos);
        setElem(data, i, typeof v === "bigint" ? v : BigInt(v));
      }
    }
    if (dt === "f32") for (let i = 0; i < data.length; i++) (data as Float32Array)[i] = Math.fround((data as Float32Array)[i]!);
    return new DenseElementsAttr(type, data as TypedData, isSplat);
  }

  private parseDenseElements(flat: (number | bigint | string)[], shape: number[], depth: number): void {
    if (this.consume("[")) {
      let count = 0;
      if (!this.is("]")) {
        do {
          this.parseDenseElements(flat, shape, depth + 1);
          count++;
        } while (this.consume(","));
      }
      this.expect("]");
      if (shape[depth] === undefined) shape[depth] = count;
      else if (shape[depth] !== count) this.error("tensor literal is invalid; ranks are not consistent between elements");
      return;
    }
    if (this.isKeyword("true") || this.isKeyword("false")) {
      flat.push(this.lexer.text === "true" ? 1n : 0n);
      this.lexer.next();
      return;
    }
    if (this.consume("(")) this.error("complex dense elements are not supported");
    const neg = this.consume("-");
    const t = this.lexer.text;
    if (this.is("integer")) {
      if (t.startsWith("0x")) flat.push(t);
      else flat.push(neg ? -BigInt(t) : BigInt(t));
    } else if (this.is("float")) flat.push(neg ? -Number(t) : Number(t));
    else if (this.isKeyword("inf") || this.isKeyword("nan")) flat.push(t === "inf" ? (neg ? -Infinity : Infinity) : NaN);
    else this.error("expected element literal of primitive type");
    this.lexer.next();
  }

  private parseDenseResource(): Attribute {
    this.lexer.next();
    this.expect("<");
    const name = this.is("string") ? this.lexer.stringValue() : this.lexer.text;
    if (!this.is("string") && !this.is("bare_id")) this.error("expected resource handle");
    this.lexer.next();
    this.expect(">");
    this.expect(":");
    const tpos = this.lexer.start;
    const type = this.parseType();
    if (!(type instanceof RankedTensorType)) this.error("dense_resource needs a ranked tensor type", tpos);
    return new DenseResourceAttr(type, this.blob("builtin", name));
  }

  private parseAffineMapAttr(): AffineMapAttr {
    this.lexer.next();
    this.expect("<");
    const m = this.parseAffineMap();
    this.expect(">");
    return new AffineMapAttr(m);
  }

  parseAffineMap(): AffineMap {
    const dims = new Map<string, number>();
    const syms = new Map<string, number>();
    this.expect("(");
    this.parseCommaList(() => { dims.set(this.lexer.text, dims.size); this.expect("bare_id", "dimension identifier"); }, ")");
    if (this.consume("[")) this.parseCommaList(() => { syms.set(this.lexer.text, syms.size); this.expect("bare_id", "symbol identifier"); }, "]");
    this.expect("->");
    this.expect("(");
    const results: AffineExpr[] = [];
    this.parseCommaList(() => results.push(this.parseAffineExpr(dims, syms)), ")");
    return new AffineMap(dims.size, syms.size, results);
  }

  private parseAffineExpr(dims: Map<string, number>, syms: Map<string, number>): AffineExpr {
    let lhs = this.parseAffineTerm(dims, syms);
    for (;;) {
      if (this.consume("+")) lhs = bin("add", lhs, this.parseAffineTerm(dims, syms));
      else if (this.consume("-")) lhs = bin("add", lhs, bin("mul", this.parseAffineTerm(dims, syms), cst(-1)));
      else return lhs;
    }
  }

  private parseAffineTerm(dims: Map<string, number>, syms: Map<string, number>): AffineExpr {
    let lhs = this.parseAffinePrimary(dims, syms);
    for (;;) {
      if (this.consume("*")) lhs = bin("mul", lhs, this.parseAffinePrimary(dims, syms));
      else if (this.isKeyword("floordiv") || this.isKeyword("ceildiv") || this.isKeyword("mod")) {
        const k = this.lexer.text as "floordiv" | "ceildiv" | "mod";
        this.lexer.next();
        lhs = bin(k, lhs, this.parseAffinePrimary(dims, syms));
      } else return lhs;
    }
  }

  private parseAffinePrimary(dims: Map<string, number>, syms: Map<string, number>): AffineExpr {
    if (this.consume("(")) {
      const e = this.parseAffineExpr(dims, syms);
      this.expect(")");
      return e;
    }
    if (this.consume("-")) return bin("mul", this.parseAffinePrimary(dims, syms), cst(-1));
    if (this.is("integer")) {
      const v = Number(this.lexer.text);
      this.lexer.next();
      return cst(v);
    }
    if (this.is("bare_id")) {
      const n = this.lexer.text;
      this.lexer.next();
      const d = dims.get(n);
      if (d !== undefined) return dim(d);
      const s = syms.get(n);
      if (s !== undefined) return sym(s);
      this.error(`use of undeclared identifier '${n}' in affine expression`);
    }
    this.error("expected affine expression");
  }

  // ---- types ----
  parseColonType(): Type {
    this.expect(":");
    return this.parseType();
  }

  parseType(): Type {
    const pos = this.lexer.start;
    if (this.is("(")) {
      const memo = this.fnTypes.lookup(this.lexer.src, pos);
      if (memo) {
        this.lexer.resetTo(pos + this.fnTypes.hitLength);
        return memo;
      }
      const ft = this.parseFunctionType();
      this.fnTypes.remember(this.lexer.src, pos, this.lexer.start, ft);
      return ft;
    }
    if (this.is("excl_id")) return this.parseDialectType();
    if (!this.is("bare_id")) this.error("expected type");
    const signless = this.scanSignlessIntType();
    if (signless) return signless;
    const t = this.lexer.text;
    const cached = SIMPLE_TYPES.get(t);
    if (cached) {
      this.lexer.next();
      return cached;
    }
    const m = /^(i|si|ui)(\d+)$/.exec(t);
    if (m) {
      this.lexer.next();
      const w = Number(m[2]);
      if (w < 1 || w > 16777215) this.error(`invalid integer width ${w}`, pos);
      const it = IntegerType.get(w, m[1] === "i" ? "signless" : m[1] === "si" ? "signed" : "unsigned");
      if (SIMPLE_TYPES.size < 4096) SIMPLE_TYPES.set(t, it);
      return it;
    }
    switch (t) {
      case "f16": case "bf16": case "f32": case "f64":
        this.lexer.next();
        return FloatType.get(t as FloatKind);
      case "index": this.lexer.next(); return IndexType.get();
      case "none": this.lexer.next(); return NoneType.get();
      case "tensor": return this.parseTensorType();
    }
    this.error(`unknown type '${t}'`, pos);
  }

  /**
   * `(inputs) -> results`. Component types go on a scratch stack (function types nest, so it is
   * cut back to `base` at the end) and the uniqued type is found from ranges of it.
   */
  private parseFunctionType(): FunctionType {
    const base = this.typeTop;
    this.lexer.next();
    if (!this.consume(")")) {
      do this.pushType(this.parseType());
      while (this.consume(","));
      this.expect(")");
    }
    const inEnd = this.typeTop;
    this.expect("->", "'->' in function type");
    if (this.is("(")) {
      // `(a) -> (b) -> c` is not allowed without parens; a parenthesised single result may be a function type itself.
      this.lexer.next();
      if (!this.consume(")")) {
        do this.pushType(this.parseType());
        while (this.consume(","));
        this.expect(")");
      }
    } else this.pushType(this.parseType());
    const ft = FunctionType.getFrom(this.typeStack, base, inEnd, this.typeStack, inEnd, this.typeTop);
    this.typeTop = base;
    return ft;
  }
  private pushType(t: Type): void { this.typeStack[this.typeTop++] = t; }

  /** `iN` read from the characters (no token text string), or undefined for any other spelling. */
  private scanSignlessIntType(): IntegerType | undefined {
    const s = this.lexer.src;
    const start = this.lexer.start, end = this.lexer.end;
    if (s.charCodeAt(start) !== 105 || end - start > 8 || end - start < 2) return undefined; // 'i'
    let w = 0;
    for (let i = start + 1; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      w = w * 10 + (c - 48);
    }
    if (w < 1 || w > 16777215) this.error(`invalid integer width ${w}`, start);
    let it = SIGNLESS_INTS[w];
    if (!it && w < SIGNLESS_INTS.length) it = SIGNLESS_INTS[w] = IntegerType.get(w);
    this.lexer.next();
    return it ?? IntegerType.get(w);
  }

  private parseTensorType(): Type {
    this.lexer.next();
    if (!this.is("<")) this.error("expected '<' in tensor type");
    // Dimension lists (`2x?x3xf32`) are scanned by characters: `2x3` is not a token sequence.
    const s = this.lexer.src;
    let i = this.lexer.end;
    const shape: number[] = [];
    const skipWs = () => { while (s[i] === " ") i++; };
    skipWs();
    if (s[i] === "*") {
      i++;
      skipWs();
      if (s[i] !== "x") this.error("expected 'x' in unranked tensor type", i);
      this.lexer.resetTo(i + 1);
      const et = this.parseType();
      this.expect(">");
      return UnrankedTensorType.get(et);
    }
    for (;;) {
      skipWs();
      let j = i;
      if (s[j] === "?") j++;
      else while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      if (j === i || s[j] !== "x") break;
      shape.push(s[i] === "?" ? DYNAMIC : Number(s.slice(i, j)));
      i = j + 1;
    }
    this.lexer.resetTo(i);
    const et = this.parseType();
    if (this.consume(",")) this.error("tensor encodings are not supported");
    this.expect(">");
    return RankedTensorType.get(shape, et);
  }

  /** `<k = v, ...>` of a declared parametric type or attribute (the `<` is the current token). */
  private parseParamList(specs: readonly TypeParamSpec[], what: string): Record<string, TypeParamValue> {
    const params: Record<string, TypeParamValue> = {};
    this.lexer.next();
    this.parseCommaList(() => {
      const k = this.lexer.text;
      this.expect("bare_id", "parameter name");
      this.expect("=");
      const spec = specs.find((p) => p.name === k);
      if (!spec) this.error(`${what} has no parameter '${k}'`);
      if (spec.kind === "int") {
        const neg = this.consume("-");
        params[k] = (neg ? -1 : 1) * Number(this.lexer.text);
        this.expect("integer");
      } else if (spec.kind === "string") { params[k] = this.lexer.stringValue(); this.expect("string"); }
      else if (spec.kind === "bool") { params[k] = this.lexer.text === "true"; this.lexer.next(); }
      else params[k] = this.parseType();
    }, ">");
    return params;
  }

  private parseDialectType(): Type {
    const t = this.lexer.text;
    const pos = this.lexer.start;
    const alias = this.typeAliases.get(t);
    this.lexer.next();
    if (alias) return alias;
    const full = t.slice(1);
    const dot = full.indexOf(".");
    if (dot < 0) this.error(`undefined type alias '${t}'`, pos);
    let body: string | undefined;
    const attached = this.is("<") && this.lexer.start === pos + t.length;
    const def = lookupTypeDef(full);
    if (def) {
      const params = attached ? this.parseParamList(def.init.params, `!${full}`) : {};
      try {
        return def.get(params);
      } catch (e) {
        this.error((e as Error).message, pos);
      }
    }
    if (attached) {
      this.lexer.next();
      body = this.rawUntilClose();
    }
    if (!this.allowUnregistered && !this.opts.context?.isLoaded(full.slice(0, dot))) {
      // Types of unknown dialects are kept verbatim only when unregistered dialects are allowed.
      this.error(`dialect '${full.slice(0, dot)}' provides no type '${full.slice(dot + 1)}' (use --allow-unregistered-dialect)`, pos);
    }
    return OpaqueType.get(full.slice(0, dot), full.slice(dot + 1) + (body !== undefined ? `<${body}>` : ""));
  }
}

/** Signless integer types by width (below 1025), filled as they are parsed. */
const SIGNLESS_INTS: (IntegerType | undefined)[] = new Array(1025).fill(undefined);

/** Bare-identifier types seen so far (uniqued, so caching by spelling is safe). */
const SIMPLE_TYPES = new Map<string, Type>([
  ["f16", FloatType.get("f16")], ["bf16", FloatType.get("bf16")], ["f32", FloatType.get("f32")], ["f64", FloatType.get("f64")],
  ["index", IndexType.get()], ["none", NoneType.get()],
]);

function bytesPer(dt: string): number {
  return dt === "f64" || dt === "i64" ? 8 : dt === "f32" || dt === "i32" ? 4 : dt === "i16" ? 2 : 1;
}

/** Parses a complete MLIR file. */
export function parseModule(src: string, opts: ParseOptions = {}): Operation {
  return new Parser(src, opts).parseTopLevel();
}
export function parseType(src: string): Type {
  const p = new Parser(src, { allowUnregistered: true });
  const t = p.parseType();
  if (!p.is("eof")) p.error("unexpected text after type");
  return t;
}
export function parseAttribute(src: string): Attribute {
  const p = new Parser(src, { allowUnregistered: true });
  const a = p.parseAttribute();
  if (!p.is("eof")) p.error("unexpected text after attribute");
  return a;
}
