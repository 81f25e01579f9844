// @zkmlir/arith-transforms: passes over arith built on the integer range analysis (the analysis,
// its lattice and arith's rules stay in @zkmlir/core and @zkmlir/arith).
export { foldDecidedComparisons, IntRangeOptimizationsPass } from "./int-range-optimizations.js";
export { annotateIntRanges, TestPrintIntRangePass, INT_RANGE_ATTR } from "./test-print-int-range.js";
export { registerArithTransformPasses } from "./register.js";
