// The big ImageNet CNNs of onnx-tests/light (too slow to interpret at the linalg level in tests):
// each is lowered and fused, and its generic form is checked with mlir-opt-19. Prints one line
// per model with the lowering time. Run: node passes/onnx-to-linalg/dist/bench/light-lowering.js
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { printOp } from "@zkmlir/core";
import { importModel, lightInput, loadModel, normalizeOpset } from "@zkmlir/onnx";
import { lowerToLevel } from "../src/index.js";

const LIGHT = fileURLToPath(new URL("../../../../../shared/onnx-tests/light/", import.meta.url));
let failures = 0;
for (const file of readdirSync(LIGHT).filter((f) => f.endsWith(".onnx")).sort()) {
  const model = normalizeOpset(loadModel(join(LIGHT, file)));
  const inputs = model.graph.inputs.map(lightInput);
  const imp = importModel(model, { inputs: new Map(model.graph.inputs.map((v, i) => [v.name, inputs[i]!])) });
  const start = performance.now();
  try {
    const lowered = lowerToLevel(imp.module, "linalg-fused", inputs);
    const ms = performance.now() - start;
    const text = printOp(lowered, { generic: true, elideElementsAttrsIfLarger: 16 });
    const r = spawnSync("mlir-opt-19", ["--mlir-print-op-generic", "-o", "/dev/null", "-"], { input: text, encoding: "utf8", maxBuffer: 1 << 30 });
    if (r.status !== 0) failures++;
    console.log(`${file}: lowered+fused in ${ms.toFixed(0)} ms; mlir-opt-19 ${r.status === 0 ? "accepts" : `rejects: ${r.stderr.split("\n")[0]}`}`);
  } catch (e) {
    failures++;
    console.log(`${file}: FAILED ${(e as Error).message.split("\n").slice(0, 3).join(" | ")}`);
  }
}
process.exitCode = failures ? 1 : 0;
