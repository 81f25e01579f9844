// Conformance cases run through the IR (import + interpreter) instead of the graph executor:
// the same case folders, tolerances, exemptions and result classification as runConformance.
// (Until the conformance runner takes a `path` option itself, this is that option's "ir" side.)
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Tensor } from "@zkmlir/core";
import { OnnxInputError } from "../errors.js";
import { loadModel, loadTensor } from "../proto/load.js";
import type { OnnxModel } from "../proto/model.js";
import { normalizeOpset } from "../opset/normalize.js";
import type { CaseResult } from "../conformance/case-result.js";
import { resultOfError } from "../conformance/classify-error.js";
import { exemption } from "../conformance/exemptions.js";
import { toleranceFor } from "../conformance/tolerances.js";
import { compareOutputs, numberedFiles, runCaseDir } from "../conformance/run-case-dir.js";
import { lightInput, runLightCase } from "../conformance/run-light-case.js";
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

export function runCaseDirIr(dir: string, opts: PathConformanceOptions = {}): CaseResult {
  const name = basename(dir);
  const exempt = exemption(name);
  if (exempt) return { name, status: "UNSUPPORTED", reason: exempt };
  try {
    const model = (opts.prepare ?? normalizeOpset)(loadModel(join(dir, "model.onnx")));
    const tol = opts.tolerance ?? toleranceFor(model);
    const sets = readdirSync(dir).filter((f) => f.startsWith("test_data_set_")).sort();
    if (sets.length === 0) throw new OnnxInputError(`${dir}: no test_data_set_* folder`);
    let maxError = 0;
    for (const set of sets) {
      const got = runPositionalIr(model, numberedFiles(join(dir, set), "input").map(loadTensor), opts.ir);
      const wants = numberedFiles(join(dir, set), "output").map(loadTensor);
      if (got.length !== wants.length) return { name, status: "FAIL", reason: `${set}: ${got.length} outputs, expected ${wants.length}` };
      const bad = compareOutputs(model, got, wants, tol);
      maxError = Math.max(maxError, bad.maxError);
      if (bad.reason) return { name, status: "FAIL", maxError: bad.maxError, reason: `${set} ${bad.reason}` };
    }
    return { name, status: "PASS", maxError };
  } catch (e) {
    return resultOfError(name, e);
  }
}

export function runLightCaseIr(modelPath: string, opts: PathConformanceOptions = {}): CaseResult {
  const name = basename(modelPath, ".onnx");
  try {
    const model = (opts.prepare ?? normalizeOpset)(loadModel(modelPath));
    const want = loadTensor(join(dirname(modelPath), `${name}_output_0.pb`));
    const got = runPositionalIr(model, model.graph.inputs.map(lightInput), opts.ir);
    const r = compareOutputs(model, got.slice(0, 1), [want], opts.tolerance ?? toleranceFor(model));
    return r.reason ? { name, status: "FAIL", maxError: r.maxError, reason: r.reason } : { name, status: "PASS", maxError: r.maxError };
  } catch (e) {
    return resultOfError(name, e);
  }
}

/** runConformance with a choice of executor; `path` defaults to "ir". */
export function runConformanceOn(roots: readonly string[], opts: PathConformanceOptions = {}): CaseResult[] {
  const ir = (opts.path ?? "ir") === "ir";
  const results: CaseResult[] = [];
  for (const root of roots) {
    // A root may be one case folder or light_X.onnx file as well as a folder of cases.
    const paths = root.endsWith(".onnx") || safeHasModel(root) ? [root] : listCases(root);
    for (const path of paths) {
      const caseName = basename(path).replace(/\.onnx$/, "");
      if (opts.filter && !opts.filter.test(caseName)) continue;
      const light = path.endsWith(".onnx");
      const r = ir ? (light ? runLightCaseIr(path, opts) : runCaseDirIr(path, opts)) : light ? runLightCase(path, opts) : runCaseDir(path, opts);
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

