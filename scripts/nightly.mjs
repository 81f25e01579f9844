// Nightly-style checks too slow for `npm test` (run: `npm run nightly`):
//  1. the ONNX backend `light/` ImageNet CNNs through the IR path (zkmlir onnx-test);
//  2. each light CNN lowered and fused to linalg, accepted by mlir-opt-19;
//  3. with --differential: each light CNN interpreted at the linalg-fused level equals the onnx
//     level (about a minute: full 224x224 ImageNet networks through the linalg interpreter).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importModel, lightInput, loadModel, normalizeOpset, runModelIr } from "@zkmlir/onnx";
import { runAtLevel, compareOutputs } from "@zkmlir/onnx-to-linalg";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const light = join(root, "..", "shared", "onnx-tests", "light");
const differential = process.argv.includes("--differential");
let failed = 0;
const run = (title, file, args) => {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(process.execPath, [join(root, file), ...args], { stdio: "inherit", cwd: root });
  if (r.status !== 0) failed++;
};
run("light CNNs, IR path conformance", "packages/cli/dist/src/bin/zkmlir.js", ["onnx-test", light]);
run("light CNNs lowered, fused, checked by mlir-opt-19", "passes/onnx-to-linalg/dist/bench/light-lowering.js", []);

if (differential) console.log("\n=== light CNNs: linalg-fused level equals the onnx level ===");
for (const file of differential ? readdirSync(light).filter((f) => f.endsWith(".onnx")).sort() : []) {
  const path = join(light, file);
  const model = normalizeOpset(loadModel(path));
  const inputs = model.graph.inputs.map(lightInput);
  const named = new Map(model.graph.inputs.map((v, i) => [v.name, inputs[i]]));
  const t0 = performance.now();
  const want = [...runModelIr(model, named).values()];
  const imp = importModel(model, { inputs: named });
  const got = runAtLevel(imp.module, "linalg-fused", inputs);
  const d = compareOutputs(want, got);
  if (d.mismatch) failed++;
  console.log(`${file}: ${d.mismatch ? `MISMATCH ${d.mismatch}` : "match"} (worst excess over tolerance ${d.worst}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
process.exitCode = failed ? 1 : 0;
