// Patterns indexed by root op name, in application order: highest benefit first, ties keep
// the order the patterns were given in (root-specific and any-root patterns interleaved).
import type { RewritePattern } from "./pattern.js";

export class FrozenPatternSet {
  private readonly byName = new Map<string, RewritePattern[]>();
  private readonly ordered: readonly { p: RewritePattern; i: number }[];

  constructor(readonly patterns: readonly RewritePattern[]) {
    for (const p of patterns) {
      if (!Number.isFinite(p.benefit) || p.benefit < 0) throw new Error(`pattern '${p.debugName}' has invalid benefit ${p.benefit}`);
    }
    this.ordered = patterns.map((p, i) => ({ p, i })).sort((a, b) => b.p.benefit - a.p.benefit || a.i - b.i);
  }

  /** Patterns that may match an op named `name`, in the order to try them. */
  forOp(name: string): readonly RewritePattern[] {
    let list = this.byName.get(name);
    if (!list) {
      list = this.ordered.filter(({ p }) => p.rootName === undefined || p.rootName === name).map(({ p }) => p);
      this.byName.set(name, list);
    }
    return list;
  }
}
