// Registers the integer-range passes into a pass registry, with the arith range rules they rely
// on (registering them is idempotent).
import type { PassRegistry } from "@zkmlir/core";
import { registerArithIntRanges } from "@zkmlir/arith";
import { TestPrintIntRangePass } from "./test-print-int-range.js";
import { IntRangeOptimizationsPass } from "./int-range-optimizations.js";

export function registerArithTransformPasses(registry: PassRegistry): void {
  registerArithIntRanges();
  registry.register(() => new TestPrintIntRangePass());
  registry.register(() => new IntRangeOptimizationsPass());
}
