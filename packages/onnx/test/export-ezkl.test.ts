// Every EZKL example network through onnx-simplify and the exporter: after simplification every
// onnx value is statically shaped (batch_size = 1), the simplified module computes what the
// original computes (reference interpreter), and the exported model run by onnxruntime matches.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { verify, type Tensor } from "@zkmlir/core";
import { ONNX_KERNELS } from "@zkmlir/onnx-dialect";
import { inferShapes, OnnxSimplifyPass } from "@zkmlir/onnx-transforms";
import {
  compareTensors, decodeModel, importModel, IR_CONTEXT, lightInput, loadEzklInput, normalizeOpset, runImported, UnsupportedOpError,
} from "../src/index.js";
import { exportModel } from "../src/export/index.js";
import { int8AsFloat, runOrt } from "./helpers/ort-oracle.js";
import { EZKL_MODELS_DIR } from "./helpers/shared.js";

/** onnxruntime-node 1.30 runs opsets up to 26; opset 27 changed only Range (more types). */
const ORT_OPSET = 26;
const TOL = { rtol: 1e-4, atol: 1e-5 };
/** Tree models: MatMul on int8 (zkmlir's documented extension) has no onnxruntime kernel. */
const INT8_TREES = new Set(["decision_tree", "gradient_boosted_trees"]);

function compareAll(got: ReadonlyMap<string, Tensor>, want: ReadonlyMap<string, Tensor>, what: string): void {
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [name, w] of want) {
    const c = compareTensors(got.get(name)!, w, TOL);
    if (!c.ok) throw new Error(`${what}: output '${name}': ${c.detail} (max error ${c.maxError})`);
  }
}

/**
 * Models whose graph declares an output shape ONNX semantics contradict. (1l_average names its
 * output dims [batch_size, 3, 3] for a [3, 3, 3] value: output symbols are names, not bindings,
 * so it imports with a dynamic result type and shape inference gives [3, 3, 3].)
 */
const WRONG_DECLARED_OUTPUT: Readonly<Record<string, RegExp>> = {};

const ezkl = readdirSync(EZKL_MODELS_DIR).sort();

test.each(ezkl)("%s: simplify, static shapes, same outputs, exported model matches in onnxruntime", async (name) => {
  const dir = join(EZKL_MODELS_DIR, name);
  const path = join(dir, "network.onnx");
  const model = normalizeOpset(decodeModel(readFileSync(path), path));
  const inputs = existsSync(join(dir, "input.json"))
    ? loadEzklInput(join(dir, "input.json"), model.graph)
    : new Map(model.graph.inputs.map((v) => [v.name, lightInput(v)]));
  const imported = importModel(model, { inputs });
  let before: Map<string, Tensor>;
  try {
    before = runImported(imported, inputs);
  } catch (e) {
    if (!(e instanceof UnsupportedOpError)) throw e;
    const op = /unsupported op ([\w.]+)/.exec(e.message)?.[1] ?? "";
    expect(ONNX_KERNELS[op]).toBeUndefined(); // honest skip: the op really has no kernel
    return;
  }
  const pass = new OnnxSimplifyPass();
  const wrong = WRONG_DECLARED_OUTPUT[name];
  if (wrong) {
    expect(() => pass.run(imported.module)).toThrow(wrong);
    return;
  }
  pass.run(imported.module);
  verify(imported.module, {}, IR_CONTEXT);
  expect(pass.statistics.get("num-not-converged")).toBeUndefined();
  const dynamic = inferShapes(imported.module).dynamic.map(({ op, result }) => `${op.name}#${result}: ${op.result(result).type.key}`);
  expect(dynamic).toEqual([]);
  if (name === "nanoGPT") {
    // PyTorch's Shape -> Gather -> Unsqueeze -> Concat -> Reshape chains fold away (the Gathers left are embedding lookups).
    const left = new Set<string>();
    imported.module.walk((op) => { left.add(op.name); });
    expect([...left].filter((n) => /onnx\.(Shape|Unsqueeze|Concat|Identity|Dropout)$/.test(n))).toEqual([]);
    expect(pass.statistics.get("num-folded")).toBeGreaterThan(0);
  }
  const after = runImported(imported, inputs);
  compareAll(after, before, "simplified vs original");

  // int8AsFloat retypes int8 values, so the trees' int8 value_info would contradict it.
  const exported = exportModel(imported.module, { opset: ORT_OPSET, valueInfo: !INT8_TREES.has(name) });
  const ort = await runOrt(INT8_TREES.has(name) ? int8AsFloat(exported) : exported, inputs);
  compareAll(ort, before, "onnxruntime on the exported model vs original");
});
