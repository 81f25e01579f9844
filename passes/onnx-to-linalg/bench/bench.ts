// Timings of the lowering and of running each level, per real ezkl network (never asserted in
// tests). Run: npx tsc -b passes/onnx-to-linalg && node passes/onnx-to-linalg/dist/bench/bench.js
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Interpreter, type Operation, type Tensor } from "@zkmlir/core";
import { importModel, loadEzklInput, loadModel, normalizeOpset } from "@zkmlir/onnx";
import { LINALG_LEVEL_IMPLS, ONNX_LEVEL_IMPLS, lowerToLevel } from "../src/index.js";

const EZKL = fileURLToPath(new URL("../../../../../shared/models/ezkl/", import.meta.url));
const NETWORKS = ["1l_mlp", "2l_relu_fc", "4l_relu_conv_fc", "accuracy", "variable_cnn", "mnist_gan", "nanoGPT", "self_attention", "lstm", "ltsf", "tutorial"];

/** Median of `reps` timings in ms. */
function time(fn: () => unknown, reps = 3): number {
  const t: number[] = [];
  for (let i = 0; i < reps; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); }
  return t.sort((a, b) => a - b)[Math.floor(reps / 2)]!;
}

const count = (m: Operation, name: string) => { let n = 0; m.walk((o) => { if (o.name === name) n++; }); return n; };

const rows: string[] = ["network | lower ms | fuse+lower ms | generics (fused) | run onnx ms | run linalg ms | run fused ms", "---|---|---|---|---|---|---"];
for (const name of NETWORKS) {
  const dir = join(EZKL, name);
  const model = normalizeOpset(loadModel(join(dir, "network.onnx")));
  const named = loadEzklInput(join(dir, "input.json"), model.graph);
  const imp = importModel(model, { inputs: named });
  const inputs: Tensor[] = imp.inputNames.map((n) => named.get(n)!);
  const lin = lowerToLevel(imp.module, "linalg", inputs), fused = lowerToLevel(imp.module, "linalg-fused", inputs);
  const tl = time(() => lowerToLevel(imp.module, "linalg", inputs));
  const tf = time(() => lowerToLevel(imp.module, "linalg-fused", inputs));
  const ro = time(() => new Interpreter(imp.module, ONNX_LEVEL_IMPLS).run(undefined, [...inputs]));
  const rl = time(() => new Interpreter(lin, LINALG_LEVEL_IMPLS).run(undefined, [...inputs]));
  const rf = time(() => new Interpreter(fused, LINALG_LEVEL_IMPLS).run(undefined, [...inputs]));
  rows.push(`${name} | ${tl.toFixed(1)} | ${tf.toFixed(1)} | ${count(lin, "linalg.generic")} (${count(fused, "linalg.generic")}) | ${ro.toFixed(1)} | ${rl.toFixed(1)} | ${rf.toFixed(1)}`);
}
console.log(rows.join("\n"));
