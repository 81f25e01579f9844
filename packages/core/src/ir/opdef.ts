// Declarative op definitions (the shape of MLIR's ODS / xDSL's irdl): a dialect is a table of
// these. The verifier, folder, printer/parser and interpreters all read the declaration.
import type { Operation } from "./operation.js";
import type { Attribute } from "./attribute.js";
import type { Value } from "./value.js";
import { DenseArrayAttr } from "./attribute.js";
import type { Trait } from "./traits.js";
import type { AttrConstraint, TypeConstraint } from "./constraints.js";
import { registerOpDef } from "./opdef-registry.js";

export interface ValueSpec {
  name: string;
  type?: TypeConstraint;
  /** `variadic`: zero or more; `optional`: zero or one. */
  arity?: "single" | "variadic" | "optional";
}
export interface AttrSpec {
  constraint?: AttrConstraint;
  optional?: boolean;
  /** Value used by accessors when absent (not stored: printed forms stay minimal). */
  default?: Attribute;
  doc?: string;
}
export interface RegionSpec {
  name: string;
  /** Regions of a variadic group (e.g. scf.if's optional else). */
  arity?: "single" | "variadic";
}

/** The result of folding: constant attributes or existing values, one per op result. */
export type FoldResult = readonly (Attribute | Value)[] | undefined;

/** Custom textual form hooks (used where an op declares a pretty form). */
export interface CustomFormat {
  print(op: Operation, p: import("../text/printer.js").OpPrinter): void;
  parse(p: import("../text/parser.js").OpParser, name: string): Operation;
}

export interface OpDefInit {
  name: string;
  summary?: string;
  description?: string;
  operands?: ValueSpec[];
  results?: ValueSpec[];
  attributes?: Record<string, AttrSpec>;
  regions?: RegionSpec[];
  /** Number of successor blocks, or "variadic". */
  successors?: number | "variadic";
  traits?: Trait[];
  /** Op-specific checks after the declarative ones; returns an error message. */
  verify?: (op: Operation) => string | undefined;
  /** Folder: given constant operands (undefined when not constant). Must not mutate other IR. */
  fold?: (op: Operation, constants: readonly (Attribute | undefined)[]) => FoldResult;
  /** Custom pretty form; the generic form is always accepted and printed on request. */
  format?: CustomFormat;
}

export class OpDef {
  readonly name: string;
  readonly dialect: string;
  readonly summary: string;
  readonly description: string;
  readonly operands: readonly ValueSpec[];
  readonly results: readonly ValueSpec[];
  readonly attributes: ReadonlyMap<string, AttrSpec>;
  readonly regions: readonly RegionSpec[];
  readonly successors: number | "variadic";
  readonly traitList: readonly Trait[];
  readonly traits: ReadonlySet<string>;
  readonly verifyFn?: (op: Operation) => string | undefined;
  readonly fold?: OpDefInit["fold"];
  readonly format?: CustomFormat;
  /** True when several operand groups are variadic/optional (needs operandSegmentSizes). */
  readonly operandSegments: boolean;
  readonly resultSegments: boolean;
  /** Precomputed for the verifier: number of single groups and whether any group is variadic/optional. */
  readonly arity: Readonly<Record<"operands" | "results", { fixed: number; hasVar: boolean; optOnly: boolean; typed: boolean }>>;

  constructor(init: OpDefInit) {
    this.name = init.name;
    this.dialect = init.name.slice(0, init.name.indexOf("."));
    this.summary = init.summary ?? "";
    this.description = init.description ?? "";
    this.operands = init.operands ?? [];
    this.results = init.results ?? [];
    this.attributes = new Map(Object.entries(init.attributes ?? {}));
    this.regions = init.regions ?? [];
    this.successors = init.successors ?? 0;
    this.traitList = init.traits ?? [];
    this.traits = new Set(this.traitList.map((t) => t.name));
    this.verifyFn = init.verify;
    this.fold = init.fold;
    this.format = init.format;
    const multi = (vs: readonly ValueSpec[]) => vs.filter((v) => (v.arity ?? "single") !== "single").length > 1;
    this.operandSegments = multi(this.operands);
    this.resultSegments = multi(this.results);
    const ar = (vs: readonly ValueSpec[]) => ({
      fixed: vs.filter((s) => (s.arity ?? "single") === "single").length,
      hasVar: vs.some((s) => (s.arity ?? "single") !== "single"),
      optOnly: vs.some((s) => s.arity === "optional") && !vs.some((s) => s.arity === "variadic"),
      typed: vs.some((s) => s.type !== undefined),
    });
    this.arity = { operands: ar(this.operands), results: ar(this.results) };
  }

  /**
   * Number of values in group `i` of a `total`-value list: the segment size when the op declares
   * segments (`sizes`, read from operandSegmentSizes/resultSegmentSizes), else 1 for a single
   * group and the remainder for the variadic/optional one. Allocation-free: the verifier's hot loop.
   */
  groupSize(kind: "operands" | "results", i: number, total: number, sizes: readonly number[] | undefined): number {
    if (sizes) return sizes[i] ?? 0;
    const spec = (kind === "operands" ? this.operands : this.results)[i]!;
    return (spec.arity ?? "single") === "single" ? 1 : Math.max(0, total - this.arity[kind].fixed);
  }

  /** The declared segment sizes of `op`, or undefined when the op has no segments. */
  segmentSizes(op: Operation, kind: "operands" | "results"): readonly number[] | undefined {
    if (!(kind === "operands" ? this.operandSegments : this.resultSegments)) return undefined;
    const seg = op.getAttr(kind === "operands" ? "operandSegmentSizes" : "resultSegmentSizes");
    return seg instanceof DenseArrayAttr ? seg.values : (kind === "operands" ? this.operands : this.results).map(() => 1);
  }

  /** Start/length of each declared group given the actual count (and segment sizes if needed). */
  groupRanges(op: Operation, kind: "operands" | "results"): [number, number][] {
    const specs = kind === "operands" ? this.operands : this.results;
    const total = kind === "operands" ? op.operands.length : op.results.length;
    const sizes = this.segmentSizes(op, kind);
    const out: [number, number][] = [];
    let at = 0;
    for (let i = 0; i < specs.length; i++) {
      const n = this.groupSize(kind, i, total, sizes);
      out.push([at, n]);
      at += n;
    }
    return out;
  }

  /** The values of a named operand group. */
  operandGroup(op: Operation, name: string): Value[] {
    const i = this.operands.findIndex((s) => s.name === name);
    if (i < 0) throw new Error(`'${this.name}' declares no operand '${name}'`);
    const [s, n] = this.groupRanges(op, "operands")[i]!;
    return op.operands.slice(s, s + n).map((o) => o.value);
  }
  /** A named single operand (or undefined for an absent optional). */
  operand(op: Operation, name: string): Value | undefined {
    return this.operandGroup(op, name)[0];
  }
  /** A named attribute, or its declared default. */
  attr(op: Operation, name: string): Attribute | undefined {
    return op.getAttr(name) ?? this.attributes.get(name)?.default;
  }
}

/** Declares an op and registers it (ops are looked up by name when created or parsed). */
export function defineOp(init: OpDefInit): OpDef {
  const def = new OpDef(init);
  registerOpDef(def);
  return def;
}
