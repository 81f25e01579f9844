// Public API of the dataflow framework and the integer range analysis.
export type { Lattice } from "./lattice.js";
export { DataflowError } from "./dataflow-errors.js";
export { trailingSuccessorOperands } from "./successor-operands.js";
export { TransferRegistry, type OpTransfer } from "./op-transfer.js";
export { SparseForwardAnalysis, RegistryAnalysis } from "./sparse-forward-analysis.js";
export { DataflowSolver, type SolverOptions } from "./dataflow-solver.js";
export { IntRange, IntRangeLattice, intWidthOf, signedMin, signedMax, unsignedMax, toSignedView, toUnsignedView } from "./int-range.js";
export { IntRangeAnalysis, intRangeTransfers, rangeWidth } from "./int-range-analysis.js";
