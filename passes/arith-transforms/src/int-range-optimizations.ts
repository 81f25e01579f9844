// Client of the range analysis (MLIR's arith-int-range-optimizations, reduced to comparisons): a
// cmpi whose result the ranges decide becomes an i1 constant; range checks that are proven drop
// out this way. Scalars only (a tensor cmpi would need a splat constant of its shape).
import {
  Pass, IntRangeAnalysis, IntegerAttr, IntegerType, Operation, type AnalysisManager,
} from "@zkmlir/core";
import { decideCmpi } from "@zkmlir/arith";

/** Replaces decided scalar cmpi ops under `root` by constants; returns how many. */
export function foldDecidedComparisons(root: Operation, analysis: IntRangeAnalysis): number {
  const decided: [Operation, boolean][] = [];
  root.walk((op) => {
    if (op.name !== "arith.cmpi" || op.result(0).type !== IntegerType.get(1) || !analysis.isLive(op)) return;
    const a = analysis.range(op.operand(0)), b = analysis.range(op.operand(1));
    if (!a || !b) return;
    const d = decideCmpi(Number((op.getAttr("predicate") as IntegerAttr).value), a, b);
    if (d !== undefined) decided.push([op, d]);
  });
  for (const [op, d] of decided) {
    const c = Operation.create({ name: "arith.constant", resultTypes: [IntegerType.get(1)], properties: { value: new IntegerAttr(d ? 1n : 0n, IntegerType.get(1)) }, loc: op.loc });
    op.parent!.insertBefore(c, op);
    op.result(0).replaceAllUsesWith(c.result(0));
    op.erase();
  }
  return decided.length;
}

export class IntRangeOptimizationsPass extends Pass {
  readonly argument = "arith-int-range-optimizations";
  readonly description = "Fold arith.cmpi ops whose result the integer ranges of their operands decide";

  run(op: Operation, am: AnalysisManager): void {
    const n = foldDecidedComparisons(op, am.get(IntRangeAnalysis, op));
    this.stat("folded comparisons", n);
    // A folded cmpi gets an exact constant in place of the same range: the analysis is stale
    // only in its keys (erased ops), so it is not preserved.
  }
}
