// Rewrite patterns and the rewriter they mutate IR through (MLIR's RewritePattern /
// PatternRewriter). Every mutation goes through the rewriter so drivers can track changes.
import { Builder, InsertionPoint } from "../ir/builder.js";
import { Operation, type OperationInit } from "../ir/operation.js";
import type { Value } from "../ir/value.js";
import type { Region } from "../ir/region.js";
import type { Block } from "../ir/block.js";

export interface RewriteListener {
  notifyOperationInserted?(op: Operation): void;
  notifyOperationModified?(op: Operation): void;
  /** Called before `op` is replaced by `values` (its users are about to change). */
  notifyOperationReplaced?(op: Operation, values: readonly Value[]): void;
  notifyOperationErased?(op: Operation): void;
  notifyMatchFailure?(op: Operation, reason: string): void;
}

export class PatternRewriter extends Builder {
  constructor(public rewriteListener: RewriteListener = {}) {
    super();
    this.listener = { notifyOperationInserted: (op) => this.rewriteListener.notifyOperationInserted?.(op) };
  }

  /** Creates an op before the op being rewritten; it inherits the builder's location. */
  override create(init: OperationInit): Operation {
    return super.create(init);
  }

  /** Replaces all results of `op` with `values` and erases `op`. */
  replaceOp(op: Operation, values: readonly Value[]): void {
    if (values.length !== op.results.length) {
      throw new Error(`replaceOp: '${op.name}' has ${op.results.length} results, got ${values.length} replacement values`);
    }
    this.rewriteListener.notifyOperationReplaced?.(op, values);
    op.results.forEach((r, i) => r.replaceAllUsesWith(values[i]!));
    this.eraseOp(op);
  }

  /** Replaces `op` with a newly created op (inserted before it) and returns the new op. */
  replaceOpWithNew(op: Operation, init: OperationInit): Operation {
    this.setInsertionPointBefore(op);
    const n = this.create({ loc: op.loc, ...init });
    this.replaceOp(op, n.results);
    return n;
  }

  /** Erases `op` and every op nested in it. Its results must be unused. */
  eraseOp(op: Operation): void {
    op.walk((nested) => {
      if (nested !== op) this.rewriteListener.notifyOperationErased?.(nested);
    });
    this.rewriteListener.notifyOperationErased?.(op);
    op.erase();
  }

  /** Mutates `op` in place through `fn`, notifying listeners. */
  modifyOpInPlace(op: Operation, fn: () => void): void {
    fn();
    this.rewriteListener.notifyOperationModified?.(op);
  }

  /** Replaces uses of `from` with `to`, notifying each modified user. */
  replaceAllUsesWith(from: Value, to: Value): void {
    for (const u of [...from.uses]) {
      u.set(to);
      this.rewriteListener.notifyOperationModified?.(u.owner);
    }
  }

  /** Moves the blocks of `region` into `parent` before `before` (or at the end). */
  inlineRegionBefore(region: Region, parent: Region, before?: Block): void {
    const at = before ? parent.blocks.indexOf(before) : parent.blocks.length;
    parent.takeBody(region, at < 0 ? parent.blocks.length : at);
  }

  /** Moves the ops of `source` before `before` and replaces `source`'s arguments with `args`. */
  inlineBlockBefore(source: Block, before: Operation, args: readonly Value[] = []): void {
    if (args.length !== source.args.length) throw new Error("inlineBlockBefore: argument count mismatch");
    source.args.forEach((a, i) => this.replaceAllUsesWith(a, args[i]!));
    for (const op of source.opsArray()) {
      source.unlink(op);
      before.parent!.insertBefore(op, before);
      this.rewriteListener.notifyOperationInserted?.(op);
    }
  }

  /** Records why a pattern did not apply (for debugging); returns false for `return` chaining. */
  notifyMatchFailure(op: Operation, reason: string): false {
    this.rewriteListener.notifyMatchFailure?.(op, reason);
    return false;
  }

  ipBefore(op: Operation): InsertionPoint { return InsertionPoint.before(op); }
}

export abstract class RewritePattern {
  /** Root op name the pattern matches, or undefined for any op. */
  readonly rootName: string | undefined;
  readonly benefit: number;
  /** A name for debugging and statistics. */
  readonly debugName: string;

  constructor(opts: { root?: string; benefit?: number; name?: string } = {}) {
    this.rootName = opts.root;
    this.benefit = opts.benefit ?? 1;
    this.debugName = opts.name ?? this.constructor.name;
  }

  /** Matches and rewrites `op`; returns true when the IR changed. */
  abstract matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean;
}

/** A pattern from a function (handy for small rewrites and user code). */
export function pattern(
  root: string | undefined,
  fn: (op: Operation, rewriter: PatternRewriter) => boolean,
  opts: { benefit?: number; name?: string } = {},
): RewritePattern {
  return new (class extends RewritePattern {
    matchAndRewrite(op: Operation, r: PatternRewriter): boolean { return fn(op, r); }
  })({ root, ...opts });
}
