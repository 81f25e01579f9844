// `npm run demo`: the main job on bundled examples, step by step, each as the user would type it.
// Steps grow with the pipeline; today: inspect IR with zkmlir-opt, run a real ONNX classifier at the
// onnx and linalg levels, write its IR at every level, and prove/verify a circuit with the prover.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "out", "demo");
mkdirSync(out, { recursive: true });
const zkmlir = join(root, "packages/cli/dist/src/bin/zkmlir.js");
const zkmlirOpt = join(root, "packages/cli/dist/src/bin/zkmlir-opt.js");

function step(title, bin, args) {
  console.log(`\n$ ${[bin === zkmlir ? "zkmlir" : "zkmlir-opt", ...args].join(" ")}   # ${title}`);
  const r = spawnSync(process.execPath, [bin, ...args], { stdio: "inherit", cwd: root });
  if (r.status !== 0) {
    console.error(`demo step failed: ${title}`);
    process.exit(r.status ?? 1);
  }
}

// 1. IR in, IR out: canonicalize folds constants.
const mlir = join(out, "fold.mlir");
writeFileSync(mlir, `func.func @f(%x: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %0 = arith.muli %c2, %c3 : i32
  %1 = arith.addi %x, %0 : i32
  return %1 : i32
}
`);
step("fold constants with the canonicalizer", zkmlirOpt, [mlir, "--pass-pipeline=builtin.module(func.func(canonicalize))"]);

// 2. A real trained network (a wake-word classifier shipped by the openwakeword-js package).
const model = join(root, "node_modules/openwakeword-js/models/hello_deepa.onnx");
if (existsSync(model)) {
  const input = join(out, "hello_deepa.input.json");
  const n = 1 * 25 * 96;
  const data = Array.from({ length: n }, (_, i) => Math.sin(i / 7) * 0.5);
  writeFileSync(input, JSON.stringify({ input_data: [data], input_shapes: [[1, 25, 96]] }));
  step("run the ONNX model on the reference interpreter", zkmlir, ["run", model, "--input", input]);
  step("lower it to linalg and run it there (the differential check of the lowering)", zkmlir, ["run", model, "--input", input, "--level", "linalg-fused"]);
  step("write every level built so far (onnx.mlir, linalg.mlir)", zkmlir, ["compile", model, "-o", join(out, "hello_deepa")]);
}

// 3. Prove and verify a 2^12-row circuit (every gate kind, copies and lookups), then check the proof bytes.
step("prove and verify a random 2^12-row circuit", zkmlir, ["prover-bench", "--log-rows", "12", "--columns", "8", "--out", out]);
step("verify the proof from its bytes", zkmlir, ["verify", join(out, "proof.bin"), "--vk", join(out, "vk.bin")]);
console.log("\ndemo finished: outputs in out/demo/");
