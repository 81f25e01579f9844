// Interop: every real ezkl network lowered to linalg (and fused), printed in generic form with
// weights elided, is accepted by the real mlir-opt-19 with no --allow-unregistered-dialect.
// In CI (CI=true) a missing mlir-opt-19 fails the suite instead of skipping it.
import { spawnSync } from "node:child_process";
import { printOp } from "@zkmlir/core";
import { lowerToLevel, type Level } from "../src/index.js";
import { REAL_NETWORKS, loadEzkl } from "./support.js";

const MLIR_OPT = "mlir-opt-19";
const have = spawnSync(MLIR_OPT, ["--version"]).status === 0;
if (!have && process.env.CI === "true") throw new Error(`${MLIR_OPT} is required in CI (apt-get install mlir-19-tools)`);
const maybe = have ? test : test.skip;

function accepted(text: string): { ok: boolean; stderr: string } {
  const r = spawnSync(MLIR_OPT, ["--mlir-print-op-generic", "-o", "/dev/null", "-"], { input: text, encoding: "utf8" });
  return { ok: r.status === 0, stderr: r.stderr };
}

for (const name of REAL_NETWORKS) {
  maybe(`${name}: linalg and fused modules pass mlir-opt-19`, () => {
    const { module, inputs } = loadEzkl(name);
    for (const level of ["linalg", "linalg-fused"] as Level[]) {
      const text = printOp(lowerToLevel(module, level, inputs), { generic: true, elideElementsAttrsIfLarger: 16 });
      expect(text).not.toContain('"onnx.'); // no onnx op (the onnx.name argument attributes stay)
      const r = accepted(text);
      if (!r.ok) throw new Error(`${name} (${level}) rejected by ${MLIR_OPT}:\n${r.stderr.split("\n").slice(0, 6).join("\n")}`);
    }
  });
}

maybe("mlir-opt-19 rejects a broken module (the check can fail)", () => {
  expect(accepted(`"func.func"() <{function_type = () -> (), sym_name = "f"}> ({ "linalg.yield"() : () -> () }) : () -> ()`).ok).toBe(false);
});
