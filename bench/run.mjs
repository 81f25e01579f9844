// `npm run bench`: every benchmark of the project, one after the other, each printing its table.
// Figures are measured here, never asserted in tests.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);
const benches = [
  ["ir", "bench/ir-main.mjs", []],
  ["onnx-kernels", "dialects/onnx/bench/kernels.mjs", []],
  ["onnx-front-end", "packages/onnx/bench/front-end.mjs", []],
  ["onnx-ir", "bench/onnx-main.mjs", []],
  ["onnx-to-linalg", "passes/onnx-to-linalg/dist/bench/bench.js", []],
  ["prover-kernels", "packages/prover/dist/src/bench/kernels-main.js", []],
  ["prover-protocol", "packages/prover/dist/src/bench/protocol-main.js", ["--columns", "8", "12", "14", "16", "17"]],
];
let failed = 0;
for (const [name, file, args] of benches) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} (node ${file} ${args.join(" ")}) ===`);
  const r = spawnSync(process.execPath, [join(root, file), ...args], { stdio: "inherit", cwd: root });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
