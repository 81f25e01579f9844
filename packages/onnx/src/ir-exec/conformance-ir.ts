// Conformance cases run through the IR (import + interpreter) or the graph executor: the same
// case folders, tolerances, exemptions and result classification; only the executor differs.
import { readdirSync } from "node:fs";
import { basename } from "node:path";
import type { Tensor } from "@zkmlir/core";
import { OnnxInputError } from "../errors.js";
import type { OnnxModel } from "../proto/model.js";
import type { CaseResult } from "../conformance/case-result.js";
import { runCaseDir } from "../conformance/run-case-dir.js";
import { runLightCase } from "../conformance/run-light-case.js";
import { listCases, type ConformanceOptions } from "../conformance/run-conformance.js";
import { runModelIr, type IrRunOptions } from "./run-ir.js";

export type ExecPath = "graph" | "ir";
export interface PathConformanceOptions extends ConformanceOptions {
  /** Which executor runs the cases (default "ir"). */
  readonly path?: ExecPath;
  readonly ir?: IrRunOptions;
}

/** Positional inputs through the IR (as runWithPositionalInputs does through the graph). */
export function runPositionalIr(model: OnnxModel, inputs: readonly Tensor[], opts: IrRunOptions = {}): Tensor[] {
  const declared = model.graph.inputs;
  if (inputs.length !== declared.length) {
    throw new OnnxInputError(`${model.source}: ${inputs.length} inputs given, the graph has ${declared.length} (${declared.map((v) => v.name).join(", ")})`);
  }
  return [...runModelIr(model, new Map(declared.map((v, i) => [v.name, inputs[i]!])), opts).values()];
}

/** runConformance with a choice of executor; `path` defaults to "ir". */
export function runConformanceOn(roots: readonly string[], opts: PathConformanceOptions = {}): CaseResult[] {
  const ir = (opts.path ?? "ir") === "ir";
  const caseOpts = ir ? { ...opts, execute: (m: OnnxModel, inputs: readonly Tensor[]) => runPositionalIr(m, inputs, opts.ir) } : opts;
  const results: CaseResult[] = [];
  for (const root of roots) {
    // A root may be one case folder or light_X.onnx file as well as a folder of cases.
    const paths = root.endsWith(".onnx") || safeHasModel(root) ? [root] : listCases(root);
    for (const path of paths) {
      const caseName = basename(path).replace(/\.onnx$/, "");
      if (opts.filter && !opts.filter.test(caseName)) continue;
      const light = path.endsWith(".onnx");
      const r = light ? runLightCase(path, caseOpts) : runCaseDir(path, caseOpts);
      results.push(r);
      opts.onResult?.(r);
    }
  }
  return results;
}

function safeHasModel(dir: string): boolean {
  try {
    return readdirSync(dir).includes("model.onnx");
  } catch {
    return false;
  }
}

