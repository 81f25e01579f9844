// Integer range analysis (MLIR's IntegerRangeAnalysis) on the sparse dataflow solver. Core knows
// no dialect: the rules for ops are registered by name into `intRangeTransfers` (arith's live in
// @zkmlir/arith). An op without a rule gets the full range of its results' widths.
// Usable through the AnalysisManager: `am.get(IntRangeAnalysis, funcOrModule)`.
import type { Operation } from "../ir/operation.js";
import type { BlockArgument, Value } from "../ir/value.js";
import type { AnalysisManager } from "../pass/analysis-manager.js";
import { DataflowSolver, type SolverOptions } from "./dataflow-solver.js";
import { IntRange, IntRangeLattice, intWidthOf } from "./int-range.js";
import { RegistryAnalysis } from "./sparse-forward-analysis.js";
import { TransferRegistry } from "./op-transfer.js";

/** Integer-range rules by op name; dialects register into it. */
export const intRangeTransfers = new TransferRegistry<IntRange>();

export class IntRangeAnalysis {
  /** Number of analyses computed since load (tests check the AnalysisManager's caching). */
  static runs = 0;
  private readonly solver: DataflowSolver<IntRange>;

  constructor(readonly op: Operation, _am?: AnalysisManager, options: SolverOptions<IntRange> = {}) {
    IntRangeAnalysis.runs++;
    this.solver = new DataflowSolver(new RegistryAnalysis(IntRangeLattice, intRangeTransfers), options).run(op);
  }

  /** Analyses `op` with given ranges for its entry arguments (a function's arguments). */
  static withArguments(op: Operation, args: ReadonlyMap<BlockArgument, IntRange>): IntRangeAnalysis {
    return new IntRangeAnalysis(op, undefined, { arguments: args });
  }

  /** The range of `v`; undefined when `v` is in dead code (or not under the analysed op). */
  range(v: Value): IntRange | undefined {
    const r = this.solver.state(v);
    return r && !r.isNotInt ? r : undefined;
  }
  /** True if the block of `op` may execute. */
  isLive(op: Operation): boolean { return !!op.parent && this.solver.isLive(op.parent); }
  get visits(): number { return this.solver.visits; }
}

/** Width of a value for range rules (0 = not an integer). */
export const rangeWidth = (v: Value): number => intWidthOf(v.type);
