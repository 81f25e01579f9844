// Conversion patterns and their rewriter (MLIR's ConversionPattern / ConversionPatternRewriter).
// A pattern sees the op's operands already converted (the adaptor). When a replacement value
// has a different type than the result it replaces, users not converted yet get a source
// materialization (a cast back to the old type) that later conversions look through.
import type { Operation } from "../ir/operation.js";
import type { Value } from "../ir/value.js";
import type { Region } from "../ir/region.js";
import type { Builder } from "../ir/builder.js";
import { PatternRewriter, type RewriteListener } from "./pattern.js";
import { CAST_OP, createUnrealizedCast, type TypeConverter } from "./type-converter.js";

export interface OpAdaptor {
  /** The op's operands, remapped to their converted values. */
  readonly operands: Value[];
}

export abstract class ConversionPattern {
  readonly rootName: string | undefined;
  readonly benefit: number;
  readonly debugName: string;
  /** Converts operand types for the adaptor; without it operands are passed as remapped. */
  readonly typeConverter: TypeConverter | undefined;

  constructor(opts: { root?: string; benefit?: number; name?: string; typeConverter?: TypeConverter } = {}) {
    this.rootName = opts.root;
    this.benefit = opts.benefit ?? 1;
    this.debugName = opts.name ?? this.constructor.name;
    this.typeConverter = opts.typeConverter;
  }

  /** Rewrites `op` through `rewriter` (replace or erase it); returns false when it does not match. */
  abstract matchAndRewrite(op: Operation, adaptor: OpAdaptor, rewriter: ConversionPatternRewriter): boolean;
}

/** A conversion pattern from a function. */
export function conversionPattern(
  root: string | undefined,
  fn: (op: Operation, adaptor: OpAdaptor, rewriter: ConversionPatternRewriter) => boolean,
  opts: { benefit?: number; name?: string; typeConverter?: TypeConverter } = {},
): ConversionPattern {
  return new (class extends ConversionPattern {
    matchAndRewrite(op: Operation, a: OpAdaptor, r: ConversionPatternRewriter): boolean { return fn(op, a, r); }
  })({ root, ...opts });
}

export class ConversionPatternRewriter extends PatternRewriter {
  /** Ops created as materializations (casts the driver may fold away or erase when dead). */
  readonly materializations = new Set<Operation>();
  /** The converter of the pattern being applied. */
  currentConverter: TypeConverter | undefined;

  constructor(listener: RewriteListener = {}) {
    super(listener);
  }

  /** Runs a materialization and records every op it inserts. */
  private materialize(build: (b: Builder) => Value): Value {
    const saved = this.rewriteListener;
    const made: Operation[] = [];
    this.rewriteListener = { ...saved, notifyOperationInserted: (op) => { made.push(op); saved.notifyOperationInserted?.(op); } };
    try {
      return build(this);
    } finally {
      this.rewriteListener = saved;
      for (const op of made) this.materializations.add(op);
    }
  }

  isMaterialization(op: Operation | undefined): boolean {
    return op !== undefined && this.materializations.has(op);
  }

  /** Replaces `op`; results whose replacement changes type reach old users through a cast back. */
  override replaceOp(op: Operation, values: readonly Value[]): void {
    if (values.length !== op.results.length) {
      throw new Error(`replaceOp: '${op.name}' has ${op.results.length} results, got ${values.length} replacement values`);
    }
    const bridged = values.map((v, i) => {
      const r = op.results[i]!;
      if (v.type === r.type || !r.hasUses) return v;
      return this.withInsertionPoint(this.ipBefore(op), () =>
        this.materialize((b) => this.currentConverter ? this.currentConverter.materializeSource(b, r.type, [v], op.loc) : createUnrealizedCast(b, r.type, [v], op.loc)),
      );
    });
    super.replaceOp(op, bridged);
  }

  /** The value an adaptor passes for `v`: looked through our casts, converted when needed. */
  remapOperand(v: Value, user: Operation, converter: TypeConverter | undefined): Value {
    let cur = v;
    const d = v.definingOp;
    if (d && d.name === CAST_OP && this.isMaterialization(d) && d.operands.length === 1) cur = d.operand(0);
    if (!converter) return cur;
    const want = converter.convertType(v.type);
    if (!want || cur.type === want) return cur;
    return this.withInsertionPoint(this.ipBefore(user), () => this.materialize((b) => converter.materializeTarget(b, want, [cur], user.loc)));
  }

  /**
   * Converts the block argument types of `region` (MLIR's convertRegionTypes). Uses of a changed
   * argument that are not converted yet read it through a source materialization.
   */
  convertRegionTypes(region: Region, converter: TypeConverter): boolean {
    for (const block of region.blocks) {
      for (const arg of block.args) {
        const want = converter.convertType(arg.type);
        if (!want) return false;
        if (want === arg.type) continue;
        const old = arg.type;
        const uses = [...arg.uses];
        arg.type = want;
        if (!uses.length) continue;
        const ip = block.first ? this.ipBefore(block.first) : undefined;
        const bridge = () => this.materialize((b) => converter.materializeSource(b, old, [arg], block.parentOp?.loc ?? this.loc));
        const cast = ip ? this.withInsertionPoint(ip, bridge) : undefined;
        if (!cast) return false;
        for (const u of uses) u.set(cast);
      }
    }
    return true;
  }
}
