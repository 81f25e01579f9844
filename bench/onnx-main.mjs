// ONNX front end on real models: decode + normalise, import to the onnx dialect, onnx-simplify
// (shape inference + canonicalize to a fixed point), and the reference interpreter on the IR
// (median of 5 runs after a warm-up), beside the graph executor.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { decodeModel, normalizeOpset, loadEzklInput, importModel, runImported, runModel } from "@zkmlir/onnx";
import { OnnxSimplifyPass } from "@zkmlir/onnx-transforms";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = join(root, "..", "shared", "models", "ezkl");
const time = (fn) => { const t0 = performance.now(); const r = fn(); return [r, performance.now() - t0]; };
const median = (fn, n = 5) => { fn(); const ts = []; for (let i = 0; i < n; i++) ts.push(time(fn)[1]); return ts.sort((a, b) => a - b)[n >> 1]; };

console.log(["model", "nodes", "decode+norm ms", "import ms", "simplify ms", "ops after", "IR run ms", "graph run ms"].map((h, i) => (i ? h.padStart(16) : h.padEnd(16))).join(""));
for (const name of ["nanoGPT", "mnist_gan", "self_attention", "4l_relu_conv_fc", "lstm"]) {
  const path = join(shared, name, "network.onnx");
  const [model, tDecode] = time(() => normalizeOpset(decodeModel(readFileSync(path), path)));
  const inputs = loadEzklInput(join(shared, name, "input.json"), model.graph);
  const [imported, tImport] = time(() => importModel(model, { inputs }));
  const pass = new OnnxSimplifyPass();
  const [, tSimplify] = time(() => pass.run(imported.module));
  let ops = 0;
  imported.module.walk(() => void ops++);
  const tIr = median(() => runImported(imported, inputs));
  const tGraph = median(() => runModel(model, inputs));
  const cells = [name, model.graph.nodes.length, tDecode.toFixed(1), tImport.toFixed(1), tSimplify.toFixed(1), ops, tIr.toFixed(1), tGraph.toFixed(1)];
  console.log(cells.map((c, i) => (i ? String(c).padStart(16) : String(c).padEnd(16))).join(""));
}
