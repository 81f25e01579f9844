// Shared test data access: the ezkl networks and ONNX node cases in ../shared (read in place),
// imported at the onnx level with static shapes bound from their inputs.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Operation, Tensor } from "@zkmlir/core";
import { importModel, loadEzklInput, loadModel, loadTensor, normalizeOpset, numberedFiles } from "@zkmlir/onnx";

/** /work/shared (the repository root's `../shared`), from dist/test/. */
export const SHARED = fileURLToPath(new URL("../../../../../shared/", import.meta.url));
export const EZKL = join(SHARED, "models/ezkl");
export const NODE_TESTS = join(SHARED, "onnx-tests/node");

export const REAL_NETWORKS = ["1l_mlp", "2l_relu_fc", "4l_relu_conv_fc", "accuracy", "variable_cnn", "mnist_gan", "nanoGPT", "self_attention", "lstm", "ltsf", "tutorial"] as const;

/** The slowest networks to interpret (each test file stays within seconds). */
export const HEAVY_NETWORKS = ["mnist_gan", "nanoGPT"] as const;

export interface Loaded { module: Operation; inputs: Tensor[] }

/** An ezkl network with its input.json, imported (symbolic dims bound by the inputs). */
export function loadEzkl(name: string): Loaded {
  const dir = join(EZKL, name);
  const model = normalizeOpset(loadModel(join(dir, "network.onnx")));
  const named = loadEzklInput(join(dir, "input.json"), model.graph);
  const imp = importModel(model, { inputs: named });
  return { module: imp.module, inputs: imp.inputNames.map((n) => named.get(n)!) };
}

export const ezklNames = (): string[] => readdirSync(EZKL).filter((n) => existsSync(join(EZKL, n, "input.json"))).sort();

/** An ONNX node case with its first data set's inputs. */
export function loadNodeCase(name: string): Loaded {
  const dir = join(NODE_TESTS, name);
  const model = normalizeOpset(loadModel(join(dir, "model.onnx")));
  const inputs = numberedFiles(join(dir, "test_data_set_0"), "input").map(loadTensor);
  const imp = importModel(model, { inputs: new Map(model.graph.inputs.map((v, i) => [v.name, inputs[i]!])) });
  return { module: imp.module, inputs };
}

export const nodeCaseNames = (): string[] => readdirSync(NODE_TESTS).sort();
