#!/usr/bin/env node
// Timings of the ONNX front end (never asserted in tests): decode, normalise and reference
// execution of real models, and wall time of the backend conformance run.
// Build first: `npx tsc -b packages/onnx`. Usage: node packages/onnx/bench/front-end.mjs
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { decodeModel, normalizeOpset, runModel, loadEzklInput, runConformance, summarize, formatSummary } from "../dist/src/index.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const shared = join(root, "..", "shared");
const ms = (t0) => (performance.now() - t0).toFixed(1);

function bench(label, path, inputJson) {
  const bytes = readFileSync(path);
  let t0 = performance.now();
  const model = decodeModel(bytes, path);
  const tDecode = ms(t0);
  t0 = performance.now();
  const norm = normalizeOpset(model);
  const tNorm = ms(t0);
  const inputs = inputJson && existsSync(inputJson) ? loadEzklInput(inputJson, norm.graph) : null;
  let tRun = "n/a";
  if (inputs) {
    runModel(norm, inputs); // warm-up
    t0 = performance.now();
    const reps = 5;
    for (let i = 0; i < reps; i++) runModel(norm, inputs);
    tRun = ((performance.now() - t0) / reps).toFixed(1);
  }
  console.log(`${label.padEnd(22)} ${String(bytes.length).padStart(9)} B  nodes ${String(norm.graph.nodes.length).padStart(4)}  decode ${tDecode} ms  normalise ${tNorm} ms  run ${tRun} ms`);
}

for (const m of ["4l_relu_conv_fc", "mnist_gan", "self_attention", "nanoGPT", "gradient_boosted_trees"]) {
  const dir = join(shared, "models", "ezkl", m);
  bench(m, join(dir, "network.onnx"), join(dir, "input.json"));
}
bench("hello_deepa (decode)", join(root, "node_modules", "openwakeword-js", "models", "hello_deepa.onnx"));

const t0 = performance.now();
const results = runConformance(["node", "pytorch-converted", "pytorch-operator", "simple"].map((d) => join(shared, "onnx-tests", d)));
console.log(`conformance (node, pytorch-*, simple): ${formatSummary(summarize(results))} in ${ms(t0)} ms`);
