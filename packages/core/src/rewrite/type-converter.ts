// Type conversion for dialect conversion (MLIR's TypeConverter), 1:1 only. Conversions are tried
// most recently added first; a conversion returns the new type, `null` (the type cannot be
// converted) or `undefined` (not handled: try the next one). Materializations bridge a value
// of one type to another; by default they create `builtin.unrealized_conversion_cast`.
import type { Type } from "../ir/type.js";
import type { Value } from "../ir/value.js";
import type { Location } from "../ir/location.js";
import type { Operation } from "../ir/operation.js";
import type { Builder } from "../ir/builder.js";

export type TypeConversion = (t: Type) => Type | null | undefined;
/** Builds a value of `type` from `inputs` at the builder's insertion point, or undefined. */
export type Materialization = (b: Builder, type: Type, inputs: readonly Value[], loc: Location) => Value | undefined;

export const CAST_OP = "builtin.unrealized_conversion_cast";

export function createUnrealizedCast(b: Builder, type: Type, inputs: readonly Value[], loc: Location): Value {
  return b.create({ name: CAST_OP, operands: inputs, resultTypes: [type], loc }).result();
}

export class TypeConverter {
  private readonly conversions: TypeConversion[] = [];
  private readonly sourceMats: Materialization[] = [];
  private readonly targetMats: Materialization[] = [];
  private readonly cache = new Map<Type, Type | null>();

  addConversion(fn: TypeConversion): this {
    this.conversions.push(fn);
    this.cache.clear();
    return this;
  }
  /** Converted value -> original type (for users not converted yet). */
  addSourceMaterialization(fn: Materialization): this { this.sourceMats.push(fn); return this; }
  /** Original value -> converted type (for operands of converted ops). */
  addTargetMaterialization(fn: Materialization): this { this.targetMats.push(fn); return this; }

  /** The converted type, or undefined when no conversion accepts `t`. */
  convertType(t: Type): Type | undefined {
    let r = this.cache.get(t);
    if (r === undefined) {
      r = null;
      for (let i = this.conversions.length - 1; i >= 0; i--) {
        const c = this.conversions[i]!(t);
        if (c === undefined) continue;
        r = c;
        break;
      }
      this.cache.set(t, r);
    }
    return r ?? undefined;
  }

  isLegal(t: Type): boolean { return this.convertType(t) === t; }
  /** True when all operand and result types of `op` are legal. */
  isLegalOp(op: Operation): boolean {
    return op.operands.every((o) => this.isLegal(o.value.type)) && op.results.every((r) => this.isLegal(r.type));
  }

  materializeSource(b: Builder, type: Type, inputs: readonly Value[], loc: Location): Value {
    return this.materialize(this.sourceMats, b, type, inputs, loc);
  }
  materializeTarget(b: Builder, type: Type, inputs: readonly Value[], loc: Location): Value {
    return this.materialize(this.targetMats, b, type, inputs, loc);
  }
  private materialize(fns: Materialization[], b: Builder, type: Type, inputs: readonly Value[], loc: Location): Value {
    for (let i = fns.length - 1; i >= 0; i--) {
      const v = fns[i]!(b, type, inputs, loc);
      if (v) return v;
    }
    return createUnrealizedCast(b, type, inputs, loc);
  }
}
