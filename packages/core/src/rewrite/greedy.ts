// The greedy pattern rewrite driver (MLIR's GreedyPatternRewriteDriver): repeatedly pops ops
// from a worklist and erases them if trivially dead, folds them, or applies the best matching
// pattern, re-queuing ops affected by each change, until an iteration changes nothing.
// Region simplification (dead block / argument removal) is not done.
import type { Operation } from "../ir/operation.js";
import type { Context } from "../ir/context.js";
import type { Value } from "../ir/value.js";
import { ZkmlirError } from "../ir/diagnostics.js";
import { PatternRewriter, type RewritePattern, type RewriteListener } from "./pattern.js";
import { FrozenPatternSet } from "./pattern-set.js";
import { Worklist } from "./worklist.js";
import { isOpTriviallyDead } from "./dead.js";
import { OperationFolder, type DialectLookup } from "./folder.js";

export interface GreedyRewriteConfig {
  /** Dialects that materialize folded constants are looked up in this context. */
  context?: Context;
  /** Overrides `context` for the dialect lookup (e.g. dialects not loaded in a context). */
  dialectOf?: DialectLookup;
  /** Passes over the IR before giving up (default 10). */
  maxIterations?: number;
  /** Pattern applications before giving up (default unlimited). */
  maxNumRewrites?: number;
  /** Seed the worklist in pre-order (top-down) instead of post-order. */
  useTopDownTraversal?: boolean;
  /** Fold ops (default true). */
  fold?: boolean;
  /** Unique and hoist constants per region (default true). */
  cseConstants?: boolean;
  /** Throw on non-convergence (default true); otherwise report `converged: false`. */
  throwOnNonConvergence?: boolean;
  /** Observes every change made by the driver. */
  listener?: RewriteListener;
}

export interface GreedyRewriteResult {
  changed: boolean;
  converged: boolean;
  iterations: number;
  numRewrites: number;
  numFolds: number;
  numErased: number;
}

export class GreedyNonConvergenceError extends ZkmlirError {
  override name = "GreedyNonConvergenceError";
}

class GreedyDriver implements RewriteListener {
  readonly worklist = new Worklist();
  readonly folder: OperationFolder;
  readonly rewriter: PatternRewriter;
  readonly patterns: FrozenPatternSet;
  numRewrites = 0;
  numFolds = 0;
  numErased = 0;

  constructor(readonly root: Operation, patterns: readonly RewritePattern[], readonly config: GreedyRewriteConfig) {
    this.patterns = new FrozenPatternSet(patterns);
    const ctx = config.context;
    this.folder = new OperationFolder(config.dialectOf ?? ((n) => ctx?.getDialect(n)));
    this.rewriter = new PatternRewriter(this);
  }

  // --- listener: keep the worklist in sync with the IR ---
  notifyOperationInserted(op: Operation): void {
    this.config.listener?.notifyOperationInserted?.(op);
    this.worklist.push(op);
  }
  notifyOperationModified(op: Operation): void {
    this.config.listener?.notifyOperationModified?.(op);
    this.worklist.push(op);
  }
  notifyOperationReplaced(op: Operation, values: readonly Value[]): void {
    this.config.listener?.notifyOperationReplaced?.(op, values);
    for (const r of op.results) for (const u of r.uses) this.worklist.push(u.owner);
  }
  notifyOperationErased(op: Operation): void {
    this.config.listener?.notifyOperationErased?.(op);
    this.numErased++;
    this.worklist.remove(op);
    this.folder.notifyRemoval(op);
    // Producers of its operands may have just become dead.
    for (const o of op.operands) {
      const d = o.value.definingOp;
      if (d && d !== op && !op.isAncestorOf(d)) this.worklist.push(d);
    }
  }
  notifyMatchFailure(op: Operation, reason: string): void {
    this.config.listener?.notifyMatchFailure?.(op, reason);
  }

  /** Ops seeded this iteration; bounds the work one iteration may do. */
  private seeded = 0;

  private seed(): void {
    this.worklist.clear();
    this.folder.startIteration();
    this.seeded = 0;
    const topDown = this.config.useTopDownTraversal ?? false;
    for (const region of this.root.regions) {
      for (const block of region.blocks) {
        for (let op = block.first; op; op = op.next) {
          op.walk((n) => { this.worklist.push(n); this.seeded++; }, topDown ? "pre" : "post");
        }
      }
    }
    // Pop in walk order.
    this.worklist.reverse();
  }

  /**
   * One pass over the worklist; true if the IR changed. Patterns whose results re-match forever
   * (a -> b -> a) would never empty the worklist, so an iteration ends after a budget of
   * 16 steps per seeded op (at least 4096); the outer iteration limit then reports the loop.
   */
  private processWorklist(): boolean {
    let changed = false;
    let budget = Math.max(4096, 16 * this.seeded);
    const maxRewrites = this.config.maxNumRewrites ?? Infinity;
    const fold = this.config.fold ?? true;
    const cseConstants = this.config.cseConstants ?? true;
    for (let op = this.worklist.pop(); op; op = this.worklist.pop()) {
      if (this.numRewrites >= maxRewrites) return changed;
      if (--budget < 0) return true;
      if (!op.parent) continue; // erased or detached behind the driver's back
      if (isOpTriviallyDead(op)) {
        this.rewriter.eraseOp(op);
        changed = true;
        continue;
      }
      if (fold) {
        if (cseConstants && op.hasTrait("ConstantLike")) {
          // Uniquing/hoisting a constant is idempotent, so only a merge counts as a change.
          if (!this.folder.insertKnownConstant(op, this.rewriter)) {
            this.numFolds++;
            changed = true;
            continue;
          }
        } else {
          this.rewriter.setInsertionPointBefore(op);
          const outcome = this.folder.tryFold(op, this.rewriter);
          if (outcome !== "none") {
            this.numFolds++;
            changed = true;
            if (outcome === "replaced") continue;
          }
        }
      }
      if (this.applyPatterns(op)) changed = true;
    }
    return changed;
  }

  private applyPatterns(op: Operation): boolean {
    for (const p of this.patterns.forOp(op.name)) {
      this.rewriter.setInsertionPointBefore(op);
      this.rewriter.loc = op.loc;
      if (p.matchAndRewrite(op, this.rewriter)) {
        this.numRewrites++;
        return true;
      }
      if (!op.parent) throw new ZkmlirError(`pattern '${p.debugName}' erased '${op.name}' but reported no match`, op.loc);
    }
    return false;
  }

  run(): GreedyRewriteResult {
    const maxIterations = this.config.maxIterations ?? 10;
    if (!(maxIterations >= 1)) throw new ZkmlirError(`greedy rewrite: max-iterations must be >= 1, got ${maxIterations}`);
    let anyChange = false;
    let changed = true;
    let iterations = 0;
    const maxRewrites = this.config.maxNumRewrites ?? Infinity;
    while (changed && iterations < maxIterations && this.numRewrites < maxRewrites) {
      this.seed();
      changed = this.processWorklist();
      anyChange ||= changed;
      iterations++;
    }
    const converged = !changed;
    if (!converged && (this.config.throwOnNonConvergence ?? true)) {
      const why = this.numRewrites >= maxRewrites
        ? `greedy pattern rewrite did not converge: stopped after ${this.numRewrites} rewrites (max-num-rewrites)`
        : `greedy pattern rewrite did not converge after ${maxIterations} iterations`;
      throw new GreedyNonConvergenceError(`${why} in '${this.root.name}'`, this.root.loc);
    }
    return { changed: anyChange, converged, iterations, numRewrites: this.numRewrites, numFolds: this.numFolds, numErased: this.numErased };
  }
}

/**
 * Applies `patterns` and folding to the ops nested in `root` until a fixed point. Throws a
 * GreedyNonConvergenceError (located at `root`) when the limits are hit, unless configured not to.
 */
export function applyPatternsGreedily(root: Operation, patterns: readonly RewritePattern[], config: GreedyRewriteConfig = {}): GreedyRewriteResult {
  return new GreedyDriver(root, patterns, config).run();
}
