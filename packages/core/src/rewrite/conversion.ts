// The dialect conversion driver (MLIR's applyPartialConversion / applyFullConversion).
// Ops nested in `root` (not root itself) are visited in pre-order; each op the target does not
// accept is rewritten by the best matching conversion pattern, and ops those patterns create are
// legalized in turn. Failure rolls the IR back: the root's regions are cloned up front and
// restored on failure (chosen over an immer undo log: the IR is a cyclic mutable graph with
// use-lists, not the plain tree immer drafts). Casts left behind follow MLIR: dead ones are
// erased, cast pairs that round-trip fold away, live ones stay as unrealized_conversion_cast.
import type { Operation } from "../ir/operation.js";
import type { Value } from "../ir/value.js";
import { Region } from "../ir/region.js";
import { cloneRegionInto } from "../ir/clone.js";
import { ZkmlirError } from "../ir/diagnostics.js";
import type { ConversionTarget } from "./conversion-target.js";
import { ConversionPatternRewriter, type ConversionPattern } from "./conversion-pattern.js";
import { CAST_OP } from "./type-converter.js";

export class ConversionError extends ZkmlirError {
  override name = "ConversionError";
}

export interface ConversionResult {
  /** Number of pattern applications. */
  numRewrites: number;
  /** Materialization casts left in the IR (partial conversions between type systems). */
  numUnresolvedCasts: number;
}

/** How deep ops created by patterns are legalized recursively before giving up. */
const MAX_DEPTH = 32;

class ConversionDriver {
  readonly rewriter: ConversionPatternRewriter;
  private readonly ordered: ConversionPattern[];
  private inserted: Operation[] = [];
  private readonly failures: string[] = [];
  numRewrites = 0;

  constructor(readonly root: Operation, readonly target: ConversionTarget, patterns: readonly ConversionPattern[], readonly mode: "partial" | "full") {
    this.ordered = patterns.map((p, i) => ({ p, i })).sort((a, b) => b.p.benefit - a.p.benefit || a.i - b.i).map((x) => x.p);
    this.rewriter = new ConversionPatternRewriter({ notifyOperationInserted: (op) => { this.inserted.push(op); } });
  }

  private isAlive(op: Operation): boolean {
    for (let o: Operation | null = op; o; o = o.parentOp) {
      if (o === this.root) return true;
      if (!o.parent) return false;
    }
    return false;
  }

  private describe(op: Operation, why: string): string {
    const where = op.loc.diagnosticPrefix() ?? op.loc.toString();
    return `${where}: failed to legalize operation '${op.name}'${why}`;
  }

  /** Legalizes `op` if the target requires it; records a failure when it cannot. */
  private legalize(op: Operation, depth: number): void {
    const legal = this.target.isLegal(op);
    if (legal === true) return;
    if (legal === undefined && this.mode === "partial") return;
    if (this.rewriter.isMaterialization(op)) return;
    if (depth > MAX_DEPTH) {
      this.failures.push(this.describe(op, ` (patterns recursed more than ${MAX_DEPTH} levels)`));
      return;
    }
    for (const p of this.ordered) {
      if (p.rootName !== undefined && p.rootName !== op.name) continue;
      this.inserted = [];
      this.rewriter.setInsertionPointBefore(op);
      this.rewriter.loc = op.loc;
      this.rewriter.currentConverter = p.typeConverter;
      // One materialization per distinct operand value (an op may read a value twice).
      const remapped = new Map<Value, Value>();
      const remap = (v: Value) => {
        let m = remapped.get(v);
        if (!m) remapped.set(v, (m = this.rewriter.remapOperand(v, op, p.typeConverter)));
        return m;
      };
      const adaptor = { operands: op.operandValues.map(remap) };
      if (!p.matchAndRewrite(op, adaptor, this.rewriter)) continue;
      this.numRewrites++;
      if (this.isAlive(op) && this.target.isLegal(op) !== true && !this.inserted.includes(op)) {
        // Updated in place but still not legal: try the other patterns on it.
        this.failures.push(this.describe(op, ` (pattern '${p.debugName}' left it illegal)`));
        return;
      }
      const created = this.inserted;
      for (const n of created) {
        if (this.isAlive(n)) n.walk((x) => { this.legalize(x, depth + 1); }, "pre");
      }
      return;
    }
    this.failures.push(this.describe(op, legal === undefined ? " (unknown to the target, no pattern matched)" : ""));
  }

  /** Erases dead casts and folds cast(cast(x : A -> B) : B -> A) to x, to a fixed point. */
  private cleanupCasts(): number {
    const mats = this.rewriter.materializations;
    let changed = true;
    while (changed) {
      changed = false;
      for (const c of mats) {
        if (!this.isAlive(c)) { mats.delete(c); continue; }
        if (!c.results.some((r) => r.hasUses)) {
          this.rewriter.eraseOp(c);
          mats.delete(c);
          changed = true;
          continue;
        }
        const src = c.operands.length === 1 ? c.operand(0).definingOp : undefined;
        if (c.name === CAST_OP && c.results.length === 1 && src && mats.has(src) && src.name === CAST_OP && src.operands.length === 1 && src.operand(0).type === c.result().type) {
          c.result().replaceAllUsesWith(src.operand(0));
          changed = true;
        }
      }
    }
    let live = 0;
    for (const c of mats) if (this.isAlive(c) && c.name === CAST_OP) live++;
    return live;
  }

  run(): ConversionResult {
    const snapshot = this.root.regions.map((r) => {
      const copy = new Region();
      cloneRegionInto(r, copy);
      return copy;
    });
    const ops: Operation[] = [];
    for (const r of this.root.regions) for (const b of r.blocks) for (const op of b.ops()) op.walk((n) => { ops.push(n); }, "pre");
    try {
      for (const op of ops) if (this.isAlive(op)) this.legalize(op, 0);
      if (this.failures.length) throw this.error();
      const numUnresolvedCasts = this.cleanupCasts();
      discard(snapshot);
      return { numRewrites: this.numRewrites, numUnresolvedCasts };
    } catch (e) {
      this.restore(snapshot);
      throw e;
    }
  }

  private error(): ConversionError {
    const n = this.failures.length;
    return new ConversionError(
      `${this.mode} conversion failed: ${n} operation${n === 1 ? "" : "s"} could not be legalized:\n  ${this.failures.join("\n  ")}`,
      this.root.loc,
      this.failures,
    );
  }

  private restore(snapshot: Region[]): void {
    this.root.regions.forEach((r, i) => {
      discard([r]);
      r.blocks.splice(0);
      r.takeBody(snapshot[i]!);
    });
  }
}

/** Drops every use held by ops in `regions` (they are being thrown away). */
function discard(regions: Region[]): void {
  for (const r of regions) for (const b of r.blocks) for (const op of b.ops()) op.dropAllReferences();
}

/**
 * Converts the ops nested in `root`: ops the target marks illegal must be rewritten; unknown
 * ops are left. On failure the IR is restored and a ConversionError lists each failing op.
 */
export function applyPartialConversion(root: Operation, target: ConversionTarget, patterns: readonly ConversionPattern[]): ConversionResult {
  return new ConversionDriver(root, target, patterns, "partial").run();
}

/** Like applyPartialConversion, but every op must end up legal (unknown ops fail too). */
export function applyFullConversion(root: Operation, target: ConversionTarget, patterns: readonly ConversionPattern[]): ConversionResult {
  return new ConversionDriver(root, target, patterns, "full").run();
}
