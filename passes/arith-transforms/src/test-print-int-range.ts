// Debug output of the integer range analysis (MLIR's test-int-range-inference): every op with
// integer results gets `int_range = ["signed [a, b] unsigned [c, d]", ...]` (one per result;
// "dead" in unreachable code), for FileCheck-style tests.
import {
  Pass, IntRangeAnalysis, ArrayAttr, StringAttr, intWidthOf, type Operation, type AnalysisManager,
} from "@zkmlir/core";

export const INT_RANGE_ATTR = "int_range";

/** Annotates the ops nested in `root` (not `root` itself) with their results' ranges. */
export function annotateIntRanges(root: Operation, analysis: IntRangeAnalysis): number {
  let n = 0;
  root.walk((op) => {
    if (op === root || !op.results.some((r) => intWidthOf(r.type) > 0)) return;
    const texts = op.results.map((r) => {
      if (!intWidthOf(r.type)) return "not-int";
      return analysis.range(r)?.toString() ?? "dead";
    });
    op.setDiscardableAttr(INT_RANGE_ATTR, new ArrayAttr(texts.map((t) => new StringAttr(t))));
    n++;
  });
  return n;
}

export class TestPrintIntRangePass extends Pass {
  readonly argument = "test-print-int-range";
  readonly description = "Annotate ops with the integer ranges of their results (int_range attribute)";

  run(op: Operation, am: AnalysisManager): void {
    this.stat("annotated ops", annotateIntRanges(op, am.get(IntRangeAnalysis, op)));
    // Attributes only: the ranges stay valid.
    am.preserve(IntRangeAnalysis);
  }
}
