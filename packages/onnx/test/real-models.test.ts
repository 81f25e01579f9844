// Every EZKL example network and the openwakeword classifiers: decode, normalise, run with the
// reference kernels and match onnxruntime (rtol 1e-4, atol 1e-5). A model whose op has no kernel
// yet must be refused with UnsupportedOpError naming an op that really has no kernel.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Tensor } from "@zkmlir/core";
import { ONNX_KERNELS } from "@zkmlir/onnx-dialect";
import {
  compareTensors, decodeModel, lightInput, loadEzklInput, normalizeOpset, runModel, UnsupportedOpError, type OnnxModel,
} from "../src/index.js";
import { int8AsFloat, runOrt, withOpset } from "./helpers/ort-oracle.js";
import { randomF32 } from "./helpers/pseudo-random.js";
import { EZKL_MODELS_DIR, OPENWAKEWORD_MODELS_DIR } from "./helpers/shared.js";

const TOL = { rtol: 1e-4, atol: 1e-5 };

/**
 * nanoGPT, self_attention and decision_tree (once int8AsFloat, opset 10) apply Equal to float tensors, which Equal-7 does not allow:
 * onnxruntime rejects them (EZKL's tract accepts). The oracle runs them with the opset import
 * raised to 11, where Equal takes floats and every other op they use has unchanged semantics.
 */
const ORACLE_OPSET: Readonly<Record<string, boolean>> = { nanoGPT: true, self_attention: true, decision_tree: true };
/** Tree models doing MatMul on int8, which onnxruntime has no kernel for: see int8AsFloat. */
const ORACLE_INT8_AS_FLOAT: Readonly<Record<string, boolean>> = { decision_tree: true, gradient_boosted_trees: true };

async function checkAgainstOrt(bytes: Uint8Array, model: OnnxModel, inputs: Map<string, Tensor>): Promise<string> {
  const normalized = normalizeOpset(model);
  let got: Map<string, Tensor>;
  try {
    got = runModel(normalized, inputs);
  } catch (e) {
    if (!(e instanceof UnsupportedOpError)) throw e;
    const op = /unsupported op ([\w.]+)/.exec(e.message)?.[1] ?? "";
    // Honest skip only: the op must be missing from the kernel table (or be outside ai.onnx).
    expect(op.includes(".") || ONNX_KERNELS[op] === undefined).toBe(true);
    return `unsupported: ${op}`;
  }
  const folder = model.source.split("/").at(-2) ?? "";
  const asFloat = ORACLE_INT8_AS_FLOAT[folder] ? int8AsFloat(bytes) : bytes;
  const oracleBytes = ORACLE_OPSET[folder] ? withOpset(asFloat, 11) : asFloat;
  const want = await runOrt(oracleBytes, inputs);
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [name, w] of want) {
    const c = compareTensors(got.get(name)!, w, TOL);
    if (!c.ok) throw new Error(`output '${name}': ${c.detail} (max error ${c.maxError})`);
  }
  return "matched";
}

const ezkl = readdirSync(EZKL_MODELS_DIR).sort();

describe("EZKL example networks vs onnxruntime", () => {
  test.each(ezkl)("%s", async (name) => {
    const dir = join(EZKL_MODELS_DIR, name);
    const path = join(dir, "network.onnx");
    const bytes = readFileSync(path);
    const model = decodeModel(bytes, path);
    const inputs = existsSync(join(dir, "input.json"))
      ? loadEzklInput(join(dir, "input.json"), model.graph)
      : new Map(model.graph.inputs.map((v) => [v.name, lightInput(v)])); // doodles: no input.json
    await checkAgainstOrt(bytes, model, inputs);
  });
});


describe("openwakeword classifiers vs onnxruntime", () => {
  test.each(["hello_deepa.onnx", "namaste_deepa.onnx", "hello_deepa_old.onnx"])("%s", async (file) => {
    const path = join(OPENWAKEWORD_MODELS_DIR, file);
    const bytes = readFileSync(path);
    const model = decodeModel(bytes, path);
    const inputs = new Map(model.graph.inputs.map((v, i) => [v.name, randomF32((v.dims ?? []).map((d) => (typeof d === "number" ? d : 1)), 7 + i)]));
    expect(await checkAgainstOrt(bytes, model, inputs)).toBe("matched");
  });
});
