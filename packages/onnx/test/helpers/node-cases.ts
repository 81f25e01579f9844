// Test helper for kernel conformance files: run every backend test case of some ops.
// Usage (in packages/onnx/test/*.test.ts):
//   const results = runCasesForOps(["Add", "Relu"]);
//   for (const r of results) expect(`${r.status} ${r.name} ${r.reason ?? ""}`).toMatch(/^(PASS|UNSUPPORTED .*unsupported data type)/);
import { indexedCases, runCaseDir, type CaseOptions, type CaseResult } from "../../src/index.js";
import { ONNX_TESTS_DIR } from "./shared.js";

export interface OpCaseResult extends CaseResult {
  readonly op: string;
}

/** Run the INDEX.tsv case folders (node, pytorch-converted, pytorch-operator, simple; not light) whose main op is in `ops`. */
export function runCasesForOps(ops: readonly string[], opts: CaseOptions = {}): OpCaseResult[] {
  return indexedCases(ONNX_TESTS_DIR, ops).filter((c) => !/[\\/]light[\\/]/.test(c.dir)).map(({ dir, op }) => ({ ...runCaseDir(dir, opts), op }));
}

/** Counts by status, for a report line. */
export function countByStatus(results: readonly CaseResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}
