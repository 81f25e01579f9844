// Conformance over folders of backend test cases: every case folder (model.onnx inside) and every
// flat light_X.onnx, in name order, one result per case.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { CaseResult } from "./case-result.js";
import { runCaseDir, type CaseOptions } from "./run-case-dir.js";
import { runLightCase } from "./run-light-case.js";

export interface ConformanceOptions extends CaseOptions {
  /** Only cases whose name matches. */
  readonly filter?: RegExp;
  /** Called after each case (e.g. to print its line as it finishes). */
  readonly onResult?: (r: CaseResult) => void;
}

/** Case paths under `root`: folders holding model.onnx, and light_*.onnx files. */
export function listCases(root: string): string[] {
  return readdirSync(root).sort().map((f) => join(root, f)).filter((p) =>
    (statSync(p).isDirectory() && existsSync(join(p, "model.onnx"))) || /[\\/]light_[^\\/]*\.onnx$/.test(p));
}

export function runConformance(roots: readonly string[], opts: ConformanceOptions = {}): CaseResult[] {
  const results: CaseResult[] = [];
  for (const root of roots) {
    for (const path of listCases(root)) {
      const caseName = path.slice(path.lastIndexOf("/") + 1).replace(/\.onnx$/, "");
      if (opts.filter && !opts.filter.test(caseName)) continue;
      const r = path.endsWith(".onnx") ? runLightCase(path, opts) : runCaseDir(path, opts);
      results.push(r);
      opts.onResult?.(r);
    }
  }
  return results;
}
