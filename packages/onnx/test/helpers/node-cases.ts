// Test helper for kernel conformance files: run every backend test case of some ops.
// Usage (in packages/onnx/test/*.test.ts):
//   const results = runCasesForOps(["Add", "Relu"]);
//   for (const r of results) expect(`${r.status} ${r.name} ${r.reason ?? ""}`).toMatch(/^(PASS|UNSUPPORTED .*unsupported data type)/);
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { formatResult, indexedCases, loadModel, runCaseDir, type CaseOptions, type CaseResult } from "../../src/index.js";
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

/** pytorch-converted / pytorch-operator case folders whose model uses at least one of `ops`. */
export function pytorchCasesUsing(ops: readonly string[]): string[] {
  const dirs: string[] = [];
  for (const sub of ["pytorch-converted", "pytorch-operator"]) {
    const root = join(ONNX_TESTS_DIR, sub);
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      const used = loadModel(join(dir, "model.onnx")).graph.nodes.map((n) => n.opType);
      if (used.some((op) => ops.includes(op))) dirs.push(dir);
    }
  }
  return dirs;
}

/** Logs the status counts and every case that did not pass (the test output shows what is unsupported). */
export function reportNonPassing(title: string, results: readonly CaseResult[]): void {
  const lines = results.filter((r) => r.status !== "PASS").map(formatResult);
  console.log(`${title}: ${JSON.stringify(countByStatus(results))}\n${lines.join("\n")}`);
}
