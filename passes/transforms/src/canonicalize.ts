// `canonicalize`: folds ops and applies every loaded dialect's canonicalization patterns with
// the greedy driver. As MLIR's pass, non-convergence is tolerated unless test-convergence is set.
import { Pass, applyPatternsGreedily, type Context, type Operation, type RewritePattern } from "@zkmlir/core";

export interface CanonicalizeInit {
  /** Dialects whose patterns are collected and which materialize folded constants. */
  context?: Context;
  /** Extra patterns (tests, user code). */
  patterns?: readonly RewritePattern[];
}

export class CanonicalizePass extends Pass {
  readonly argument = "canonicalize";
  readonly description = "Canonicalize operations (fold, erase dead ops, apply canonicalization patterns)";
  override readonly optionSpecs = {
    "max-iterations": { type: "int" as const, default: 10, description: "Max. iterations over the IR" },
    "max-num-rewrites": { type: "int" as const, default: -1, description: "Max. pattern rewrites (-1: unlimited)" },
    "top-down": { type: "bool" as const, default: true, description: "Seed the worklist in pre-order" },
    "test-convergence": { type: "bool" as const, default: false, description: "Fail if the rewrite does not converge" },
  };

  constructor(private readonly init: CanonicalizeInit = {}) {
    super();
  }

  run(op: Operation): void {
    const ctx = this.init.context ?? this.context;
    const patterns = [...(ctx?.loadedDialects.flatMap((d) => d.canonicalizationPatterns?.() ?? []) ?? []), ...(this.init.patterns ?? [])];
    const maxNumRewrites = this.opt<number>("max-num-rewrites");
    const r = applyPatternsGreedily(op, patterns, {
      context: ctx,
      maxIterations: this.opt<number>("max-iterations"),
      maxNumRewrites: maxNumRewrites < 0 ? Infinity : maxNumRewrites,
      useTopDownTraversal: this.opt<boolean>("top-down"),
      throwOnNonConvergence: this.opt<boolean>("test-convergence"),
    });
    this.stat("num-rewrites", r.numRewrites);
    this.stat("num-folds", r.numFolds);
    this.stat("num-erased", r.numErased);
    if (!r.converged) this.stat("num-not-converged");
  }
}
