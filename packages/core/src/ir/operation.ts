// The generic operation: name, operands, results, properties (inherent attributes), discardable
// attributes, regions, successors and a location. Ops of registered dialects also carry their
// declared definition (`def`), looked up by name when the op is created.
import { OpOperand, OpResult, type Value } from "./value.js";
import { Region } from "./region.js";
import type { Block } from "./block.js";
import type { Type } from "./type.js";
import type { Attribute } from "./attribute.js";
import { Location, UnknownLoc, type LocationSource } from "./location.js";
import { lookupOpDef, type OpDef } from "./opdef-registry.js";

export interface OperationInit {
  name: string;
  operands?: readonly Value[];
  resultTypes?: readonly Type[];
  properties?: Iterable<readonly [string, Attribute]> | Record<string, Attribute | undefined>;
  attributes?: Iterable<readonly [string, Attribute]> | Record<string, Attribute | undefined>;
  /** Number of empty regions to create, or regions whose bodies are taken. */
  regions?: number | readonly Region[];
  successors?: readonly Block[];
  loc?: Location;
}

const EMPTY_MAP: ReadonlyMap<string, Attribute> = new Map();
// Shared empty lists (frozen: a region or successor is added by building a new op, as in MLIR).
const NO_REGIONS: Region[] = Object.freeze([]) as unknown as Region[];
const NO_SUCCESSORS: Block[] = Object.freeze([]) as unknown as Block[];
const NO_VALUES: readonly Value[] = [];
const NO_TYPES: readonly Type[] = [];

function toMap(x: OperationInit["properties"]): Map<string, Attribute> | undefined {
  if (!x) return undefined;
  if (x instanceof Map) return x.size ? new Map(x) : undefined;
  const m = new Map<string, Attribute>();
  const it = Symbol.iterator in (x as object) ? (x as Iterable<readonly [string, Attribute]>) : Object.entries(x as Record<string, Attribute | undefined>);
  for (const [k, v] of it) if (v !== undefined) m.set(k, v);
  return m.size ? m : undefined;
}

function newOperand(this: Operation, v: Value, i: number): OpOperand { return new OpOperand(this, i, v); }
function newResult(this: Operation, t: Type, i: number): OpResult { return new OpResult(t, this, i); }

export class Operation {
  readonly def: OpDef | undefined;
  operands: OpOperand[];
  readonly results: OpResult[];
  // Allocated on first write: most ops have no discardable attributes.
  private props: Map<string, Attribute> | undefined;
  private attrs: Map<string, Attribute> | undefined;
  readonly regions: readonly Region[];
  successors: Block[];
  // The location, or the source that can make it (see `loc`): a parsed op records only its
  // offset, and the location object is made on first access, as most are never looked at.
  private _loc: Location | LocationSource;
  private locPos = 0;
  parent: Block | null = null;
  prev: Operation | null = null;
  next: Operation | null = null;

  private constructor(
    readonly name: string, def: OpDef | undefined, operands: readonly Value[], resultTypes: readonly Type[],
    props: Map<string, Attribute> | undefined, attrs: Map<string, Attribute> | undefined,
    regs: number | readonly Region[], successors: readonly Block[] | undefined, loc: Location | LocationSource, locPos: number,
  ) {
    this.def = def;
    // Module-level mappers with `this` as thisArg: an arrow capturing `this` cost two closures
    // per op, and `map` keeps the lists packed and exactly sized.
    this.operands = operands.map(newOperand, this);
    this.results = resultTypes.map(newResult, this);
    this.props = props;
    this.attrs = attrs;
    if (regs === 0 || (typeof regs !== "number" && regs.length === 0)) {
      this.regions = NO_REGIONS;
    } else if (typeof regs === "number") {
      this.regions = Array.from({ length: regs }, () => new Region(this));
    } else {
      this.regions = regs.map((r) => {
        const nr = new Region(this);
        nr.takeBody(r);
        return nr;
      });
    }
    this.successors = successors?.length ? successors.slice() : NO_SUCCESSORS;
    this._loc = loc;
    this.locPos = locPos;
  }

  static create(init: OperationInit): Operation {
    return new Operation(
      init.name, lookupOpDef(init.name), init.operands ?? NO_VALUES, init.resultTypes ?? NO_TYPES,
      toMap(init.properties), toMap(init.attributes), init.regions ?? 0, init.successors, init.loc ?? UnknownLoc.instance, 0,
    );
  }

  /**
   * @internal The parser's path: `def` is `lookupOpDef(name)`, already looked up, the attribute
   * maps are fresh ones handed over (kept, not copied), and the location is `source` or read from
   * it at `pos` when first asked for. Saves an init record and a location object per op.
   */
  static createParsed(
    name: string, def: OpDef | undefined, operands: readonly Value[], resultTypes: readonly Type[],
    properties: Map<string, Attribute> | undefined, attributes: Map<string, Attribute> | undefined,
    regions: readonly Region[] | undefined, successors: readonly Block[] | undefined, source: Location | LocationSource, pos: number,
  ): Operation {
    return new Operation(
      name, def, operands, resultTypes, properties?.size ? properties : undefined, attributes?.size ? attributes : undefined,
      regions ?? 0, successors, source, pos,
    );
  }

  get loc(): Location {
    const l = this._loc;
    if (l instanceof Location) return l;
    return (this._loc = l.locationAt(this.locPos));
  }
  set loc(l: Location) { this._loc = l; }
  /** @internal The op's location is the one `source` gives for offset `pos` (read when asked for). */
  setSourceLoc(source: LocationSource, pos: number): void {
    this._loc = source;
    this.locPos = pos;
  }

  get dialect(): string {
    const i = this.name.indexOf(".");
    return i < 0 ? "" : this.name.slice(0, i);
  }
  get isRegistered(): boolean { return this.def !== undefined; }
  hasTrait(t: string): boolean { return this.def?.traits.has(t) ?? false; }

  operand(i: number): Value {
    const o = this.operands[i];
    if (!o) throw new Error(`'${this.name}' has no operand #${i}`);
    return o.value;
  }
  get operandValues(): Value[] { return this.operands.map((o) => o.value); }
  result(i = 0): OpResult {
    const r = this.results[i];
    if (!r) throw new Error(`'${this.name}' has no result #${i}`);
    return r;
  }
  get resultTypes(): Type[] { return this.results.map((r) => r.type); }

  setOperand(i: number, v: Value): void { this.operands[i]!.set(v); }
  /** Replaces the whole operand list. */
  setOperands(vs: readonly Value[]): void {
    for (const o of this.operands) o.drop();
    this.operands = vs.map(newOperand, this);
  }

  /** Inherent attributes (printed as `<{...}>` in generic form). */
  get properties(): ReadonlyMap<string, Attribute> { return this.props ?? EMPTY_MAP; }
  /** Discardable attributes (printed as `{...}`). */
  get attributes(): ReadonlyMap<string, Attribute> { return this.attrs ?? EMPTY_MAP; }

  /** An inherent property or, failing that, a discardable attribute. */
  getAttr(name: string): Attribute | undefined {
    return this.props?.get(name) ?? this.attrs?.get(name);
  }
  /** Sets an attribute: declared (or already present) inherent ones as properties, others discardable. */
  setAttr(name: string, value: Attribute | undefined): void {
    if (value === undefined) return this.removeAttr(name);
    if (this.def?.attributes.has(name) || this.props?.has(name)) this.setProperty(name, value);
    else (this.attrs ??= new Map()).set(name, value);
  }
  setProperty(name: string, value: Attribute): void {
    (this.props ??= new Map()).set(name, value);
  }
  /** Sets a discardable attribute even if the name is also declared. */
  setDiscardableAttr(name: string, value: Attribute): void {
    (this.attrs ??= new Map()).set(name, value);
  }
  removeAttr(name: string): void {
    this.props?.delete(name);
    this.attrs?.delete(name);
  }

  region(i = 0): Region {
    const r = this.regions[i];
    if (!r) throw new Error(`'${this.name}' has no region #${i}`);
    return r;
  }

  /** The closest enclosing operation. */
  get parentOp(): Operation | null { return this.parent?.parent?.parent ?? null; }

  isAncestorOf(other: Operation): boolean {
    for (let o: Operation | null = other; o; o = o.parentOp) if (o === this) return true;
    return false;
  }

  /** True if this op comes before `other` in the same block. */
  isBeforeInBlock(other: Operation): boolean {
    for (let o = this.next; o; o = o.next) if (o === other) return true;
    return false;
  }

  /** Removes the op from its block without destroying it. */
  remove(): this {
    this.parent?.unlink(this);
    return this;
  }
  moveBefore(other: Operation): void {
    this.remove();
    other.parent!.insertBefore(this, other);
  }
  moveAfter(other: Operation): void {
    this.remove();
    other.parent!.insertBefore(this, other.next);
  }

  /** Drops operand uses of this op and of every op nested in it. */
  dropAllReferences(): void {
    for (const o of this.operands) o.drop();
    for (const r of this.regions) for (const b of r.blocks) for (const op of b.ops()) op.dropAllReferences();
  }

  /** Erases the op; its results must have no uses left (outside the op itself). */
  erase(): void {
    for (const r of this.results) {
      if (r.hasUses) {
        const user = r.users()[0]!;
        throw new Error(`cannot erase '${this.name}': result #${r.index} is still used by '${user.name}'`);
      }
    }
    this.dropAllReferences();
    this.remove();
  }

  /** Visits this op and all nested ops (post-order by default, as MLIR's walk). */
  walk(fn: (op: Operation) => void | "skip" | "interrupt", order: "pre" | "post" = "post"): boolean {
    if (order === "pre") {
      const r = fn(this);
      if (r === "interrupt") return false;
      if (r === "skip") return true;
    }
    for (const region of this.regions) {
      for (const block of region.blocks) {
        for (let op = block.first; op; ) {
          const next = op.next;
          if (!op.walk(fn, order)) return false;
          op = next;
        }
      }
    }
    if (order === "post") return fn(this) !== "interrupt";
    return true;
  }

  toString(): string {
    return `<op ${this.name}>`;
  }
}
