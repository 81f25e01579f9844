// One ONNX backend test case folder: model.onnx + test_data_set_*/{input,output}_N.pb.
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { Tensor } from "@zkmlir/core";
import { compareTensors, type Tolerance } from "../exec/compare.js";
import { runModel, type RunOptions } from "../exec/run-graph.js";
import { OnnxInputError } from "../errors.js";
import { loadModel, loadTensor } from "../proto/load.js";
import type { OnnxModel } from "../proto/model.js";
import { normalizeOpset } from "../opset/normalize.js";
import type { CaseResult } from "./case-result.js";
import { resultOfError } from "./classify-error.js";
import { exemption } from "./exemptions.js";
import { toleranceFor } from "./tolerances.js";

/** Runs a model on inputs given in graph-input order (the graph executor, or the IR path). */
export type Executor = (model: OnnxModel, inputs: readonly Tensor[]) => Tensor[];

export interface CaseOptions extends RunOptions {
  /** Overrides the per-op tolerance table. */
  readonly tolerance?: Tolerance;
  /** The executor; defaults to the graph executor with these options. */
  readonly execute?: Executor;
  /** Applied to the decoded model before running; defaults to opset normalisation. */
  readonly prepare?: (model: OnnxModel) => OnnxModel;
}

/** Files `prefix_N.pb` of a folder, ordered by N. */
export function numberedFiles(dir: string, prefix: string): string[] {
  const re = new RegExp(`^${prefix}_(\\d+)\\.pb$`);
  return readdirSync(dir)
    .map((f) => [f, re.exec(f)?.[1]] as const)
    .filter((x): x is readonly [string, string] => x[1] !== undefined)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map(([f]) => join(dir, f));
}

/** Run every data set of a case folder; never throws for a bad case (it is FAIL/UNSUPPORTED). */
export function runCaseDir(dir: string, opts: CaseOptions = {}): CaseResult {
  const name = basename(dir);
  const exempt = exemption(name);
  if (exempt) return { name, status: "UNSUPPORTED", reason: exempt };
  try {
    const model = (opts.prepare ?? normalizeOpset)(loadModel(join(dir, "model.onnx")));
    const tol = opts.tolerance ?? toleranceFor(model, name);
    const execute = opts.execute ?? ((m: OnnxModel, i: readonly Tensor[]) => runWithPositionalInputs(m, i, opts));
    const sets = readdirSync(dir).filter((f) => f.startsWith("test_data_set_")).sort();
    if (sets.length === 0) throw new OnnxInputError(`${dir}: no test_data_set_* folder`);
    let maxError = 0;
    for (const set of sets) {
      const setDir = join(dir, set);
      const inputs = numberedFiles(setDir, "input").map(loadTensor);
      const wants = numberedFiles(setDir, "output").map(loadTensor);
      const got = execute(model, inputs);
      if (got.length !== wants.length) {
        return { name, status: "FAIL", reason: `${set}: ${got.length} outputs, expected ${wants.length}` };
      }
      const bad = compareOutputs(model, got, wants, tol);
      maxError = Math.max(maxError, bad.maxError);
      if (bad.reason) return { name, status: "FAIL", maxError: bad.maxError, reason: `${set} ${bad.reason}` };
    }
    return { name, status: "PASS", maxError };
  } catch (e) {
    return resultOfError(name, e);
  }
}

/** Inputs given in graph-input order (as backend tests store them). */
export function runWithPositionalInputs(model: OnnxModel, inputs: readonly Tensor[], opts: RunOptions = {}): Tensor[] {
  const declared = model.graph.inputs;
  if (inputs.length !== declared.length) {
    throw new OnnxInputError(`${model.source}: ${inputs.length} inputs given, the graph has ${declared.length} (${declared.map((v) => v.name).join(", ")})`);
  }
  const named = new Map(declared.map((v, i) => [v.name, inputs[i]!]));
  return [...runModel(model, named, opts).values()];
}

/** Compare outputs pairwise; `reason` is set on the first mismatch. */
export function compareOutputs(model: OnnxModel, got: readonly Tensor[], wants: readonly Tensor[], tol: Tolerance): { maxError: number; reason?: string } {
  let maxError = 0;
  for (let k = 0; k < wants.length; k++) {
    const c = compareTensors(got[k]!, wants[k]!, tol);
    maxError = Math.max(maxError, c.maxError);
    if (!c.ok) return { maxError, reason: `output ${k} '${model.graph.outputs[k]?.name}': ${c.detail}` };
  }
  return { maxError };
}
