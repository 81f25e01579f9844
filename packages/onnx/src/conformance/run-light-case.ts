// A flat `light/` case: light_X.onnx + light_X_output_0.pb, no input file. Each runtime input is
// arange(n).reshape(shape) / n as float32 (symbolic dims taken as 1).
import { Tensor } from "@zkmlir/core";
import { basename, dirname, join } from "node:path";
import { OnnxInputError } from "../errors.js";
import { normalizeOpset } from "../opset/normalize.js";
import { loadModel, loadTensor } from "../proto/load.js";
import type { OnnxValueInfo } from "../proto/model.js";
import type { CaseResult } from "./case-result.js";
import { resultOfError } from "./classify-error.js";
import { compareOutputs, runWithPositionalInputs, type CaseOptions } from "./run-case-dir.js";
import { toleranceFor } from "./tolerances.js";

export function lightInput(v: OnnxValueInfo): Tensor {
  if (v.dtype !== "f32") throw new OnnxInputError(`light input '${v.name}' is ${v.dtype}, expected f32`);
  const shape = (v.dims ?? []).map((d) => (typeof d === "number" ? d : 1));
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = i / n;
  return new Tensor("f32", shape, data);
}

export function runLightCase(modelPath: string, opts: CaseOptions = {}): CaseResult {
  const name = basename(modelPath, ".onnx");
  try {
    const model = (opts.prepare ?? normalizeOpset)(loadModel(modelPath));
    const want = loadTensor(join(dirname(modelPath), `${name}_output_0.pb`));
    const inputs = model.graph.inputs.map(lightInput);
    const got = opts.execute ? opts.execute(model, inputs) : runWithPositionalInputs(model, inputs, opts);
    const r = compareOutputs(model, got.slice(0, 1), [want], opts.tolerance ?? toleranceFor(model, name));
    return r.reason ? { name, status: "FAIL", maxError: r.maxError, reason: r.reason } : { name, status: "PASS", maxError: r.maxError };
  } catch (e) {
    return resultOfError(name, e);
  }
}
