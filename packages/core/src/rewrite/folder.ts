// Folding and constant uniquing (MLIR's OperationFolder). Folding calls the op's declared
// `fold` with the constant operands; constants it produces are materialized by the op's
// dialect and deduplicated per insertion region, placed at the start of that region's entry
// block so they dominate every use in it.
import type { Operation } from "../ir/operation.js";
import type { Region } from "../ir/region.js";
import type { Value } from "../ir/value.js";
import { Attribute } from "../ir/attribute.js";
import type { Type } from "../ir/type.js";
import type { Dialect } from "../ir/dialect.js";
import type { PatternRewriter } from "./pattern.js";
import { ZkmlirError } from "../ir/diagnostics.js";

/** Finds the dialect that materializes constants for an op of dialect `name`. */
export type DialectLookup = (name: string) => Dialect | undefined;

/** The value of a constant-like op (`ConstantLike` trait and a `value` attribute). */
export function constantValue(op: Operation | undefined): Attribute | undefined {
  if (!op || !op.hasTrait("ConstantLike")) return undefined;
  return op.getAttr("value");
}

/** The folded-operand view of `op`: the constant attribute of each operand, if any. */
export function constantOperands(op: Operation): (Attribute | undefined)[] {
  return op.operands.map((o) => constantValue(o.value.definingOp));
}

export type FoldOutcome = "none" | "in-place" | "replaced";

export class OperationFolder {
  /** Per insertion region: uniquing key -> the kept constant op. */
  private readonly constants = new Map<Region, Map<string, Operation>>();
  /** Reverse index so erased constants leave the table. */
  private readonly keyOf = new Map<Operation, [Region, string]>();
  /** Per insertion region: the last constant placed in the front block prefix (keeps order stable). */
  private readonly tail = new Map<Region, Operation>();

  constructor(private readonly dialectOf: DialectLookup) {}

  /** Restarts the front-prefix placement so constants already in place are not shuffled. */
  startIteration(): void { this.tail.clear(); }

  /**
   * Region where constants used by `op` are hoisted: the closest enclosing region whose parent
   * is isolated from above or unregistered (its semantics unknown), or the outermost one.
   */
  insertionRegion(op: Operation): Region | undefined {
    let region = op.parent?.parent ?? undefined;
    while (region) {
      const parent = region.parent;
      if (!parent || !parent.isRegistered || parent.hasTrait("IsolatedFromAbove")) return region;
      const up = parent.parent?.parent;
      if (!up) return region;
      region = up;
    }
    return undefined;
  }

  private key(dialect: string, value: Attribute, type: Type): string {
    return `${dialect}|${type.key}|${value.hashKey()}`;
  }

  /**
   * Registers an existing constant op. Returns false when an equal constant already exists:
   * then `op` has been replaced by it and erased.
   */
  insertKnownConstant(op: Operation, rewriter: PatternRewriter): boolean {
    const value = constantValue(op);
    const region = this.insertionRegion(op);
    if (!value || !region || op.results.length !== 1 || op.operands.length || op.regions.length) return true;
    const key = this.key(op.dialect, value, op.result().type);
    let table = this.constants.get(region);
    if (!table) this.constants.set(region, (table = new Map()));
    const existing = table.get(key);
    if (existing && existing !== op && existing.parent) {
      const kept = constantValue(existing);
      if (kept && kept.equals(value)) {
        rewriter.replaceOp(op, existing.results);
        return false;
      }
    }
    if (existing === op) return true;
    table.set(key, op);
    this.keyOf.set(op, [region, key]);
    this.placeAtFront(region, op);
    return true;
  }

  /** Moves (or inserts) a constant into the constant prefix of the region's entry block. */
  private placeAtFront(region: Region, op: Operation): void {
    const entry = region.entry!;
    const t = this.tail.get(region);
    const tail = t && t !== op && t.parent === entry && this.keyOf.has(t) ? t : undefined;
    const before = tail ? tail.next : entry.first;
    if (before !== op) {
      if (op.parent) op.remove();
      entry.insertBefore(op, before);
    }
    this.tail.set(region, op);
  }

  /** Forgets `op` (it is being erased). */
  notifyRemoval(op: Operation): void {
    const k = this.keyOf.get(op);
    if (!k) return;
    this.keyOf.delete(op);
    if (this.tail.get(k[0]) === op) {
      const prev = op.prev;
      if (prev && this.keyOf.has(prev)) this.tail.set(k[0], prev);
      else this.tail.delete(k[0]);
    }
    const table = this.constants.get(k[0]);
    if (table?.get(k[1]) === op) table.delete(k[1]);
  }

  /**
   * A uniqued constant of `value : type` usable by `user`, created through the dialect if
   * needed (`created` tells which). Undefined when the dialect cannot materialize it.
   */
  getOrCreateConstant(user: Operation, dialect: string, value: Attribute, type: Type, rewriter: PatternRewriter): { value: Value; created: boolean } | undefined {
    const region = this.insertionRegion(user);
    if (!region?.entry) return undefined;
    const key = this.key(dialect, value, type);
    const existing = this.constants.get(region)?.get(key);
    if (existing?.parent && constantValue(existing)?.equals(value)) return { value: existing.result(), created: false };
    const op = this.dialectOf(dialect)?.materializeConstant?.(value, type, user.loc);
    if (!op) return undefined;
    if (op.results.length !== 1 || op.result().type !== type) {
      throw new ZkmlirError(`dialect '${dialect}' materialized '${op.name}' with result types (${op.resultTypes.join(", ")}) for a constant of type ${type}`, user.loc);
    }
    if (constantValue(op) && !op.operands.length) {
      let table = this.constants.get(region);
      if (!table) this.constants.set(region, (table = new Map()));
      table.set(key, op);
      this.keyOf.set(op, [region, key]);
      this.placeAtFront(region, op);
    } else {
      // Not uniquable: insert right before the user.
      user.parent!.insertBefore(op, user);
    }
    rewriter.rewriteListener.notifyOperationInserted?.(op);
    return { value: op.result(), created: true };
  }

  /**
   * Folds `op` if its declared folder succeeds. Attribute results become uniqued constants of
   * the op's dialect; when a constant cannot be materialized the op is left untouched.
   */
  tryFold(op: Operation, rewriter: PatternRewriter): FoldOutcome {
    const fold = op.def?.fold;
    if (!fold || constantValue(op)) return "none";
    const res = fold(op, constantOperands(op));
    if (!res) return "none";
    if (res.length !== op.results.length) {
      throw new ZkmlirError(`folder of '${op.name}' returned ${res.length} results for ${op.results.length}`, op.loc);
    }
    if (res.length > 0 && res.every((r, i) => r === op.results[i])) {
      rewriter.modifyOpInPlace(op, () => {});
      return "in-place";
    }
    const created: Operation[] = [];
    const values: Value[] = [];
    for (let i = 0; i < res.length; i++) {
      const r = res[i]!;
      if (r === op.results[i]) throw new ZkmlirError(`folder of '${op.name}' mixed in-place and replacement results`, op.loc);
      if (!isAttribute(r)) {
        values.push(r);
        continue;
      }
      const c = this.getOrCreateConstant(op, op.dialect, r, op.results[i]!.type, rewriter);
      if (!c) {
        // Cannot materialize: undo the constants made for earlier results and keep the op.
        for (const k of created) rewriter.eraseOp(k);
        return "none";
      }
      if (c.created) created.push(c.value.definingOp!);
      values.push(c.value);
    }
    rewriter.replaceOp(op, values);
    return "replaced";
  }
}

function isAttribute(x: Attribute | Value): x is Attribute {
  return x instanceof Attribute;
}
