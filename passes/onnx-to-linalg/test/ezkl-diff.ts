// Differential check over ezkl networks (shared by the light and heavy test files): the linalg-level (and fused) results equal the
// onnx-level results (rtol 1e-5, atol 1e-6) for every network the onnx level runs; networks the
// lowering refuses must fail with an OnnxLoweringError naming the ops. The real networks must
// all lower.
import { compareOutputs, lowerToLevel, runAtLevel, OnnxLoweringError } from "../src/index.js";
import { ShapeInferenceError } from "@zkmlir/onnx-transforms";
import { REAL_NETWORKS, loadEzkl } from "./support.js";

interface Row { name: string; status: "match" | "mismatch" | "refused" | "onnx-level-unsupported"; detail?: string }

/** Registers one differential test per network and a summary printed after them. */
export function describeEzklDifferential(names: readonly string[]): void {
const rows: Row[] = [];
for (const name of names) {
  test(`ezkl/${name}`, () => {
    let loaded, reference;
    try {
      loaded = loadEzkl(name);
      reference = runAtLevel(loaded.module, "onnx", loaded.inputs);
    } catch (e) {
      // Not runnable at the onnx level (importer/kernels): nothing to compare against.
      rows.push({ name, status: "onnx-level-unsupported", detail: (e as Error).message.split("\n")[0] });
      expect(REAL_NETWORKS as readonly string[]).not.toContain(name);
      return;
    }
    let lowered, fused;
    try {
      lowered = runAtLevel(loaded.module, "linalg", loaded.inputs);
      fused = runAtLevel(loaded.module, "linalg-fused", loaded.inputs);
    } catch (e) {
      // Refusals are located compiler errors: the lowering's, or shape inference's (a model whose
      // declared types contradict ONNX semantics, as 1l_average's output).
      expect(e instanceof OnnxLoweringError || e instanceof ShapeInferenceError).toBe(true);
      rows.push({ name, status: "refused", detail: (e as Error).message.split("\n").slice(0, 2).join(" ") });
      expect(REAL_NETWORKS as readonly string[]).not.toContain(name);
      return;
    }
    const a = compareOutputs(reference, lowered), b = compareOutputs(reference, fused);
    rows.push({ name, status: a.mismatch || b.mismatch ? "mismatch" : "match", detail: a.mismatch ?? b.mismatch });
    expect(a.mismatch).toBeUndefined();
    expect(b.mismatch).toBeUndefined();
  });
}

test("the real networks among them lower with no onnx op left", () => {
  for (const name of names.filter((n) => (REAL_NETWORKS as readonly string[]).includes(n))) {
    const { module, inputs } = loadEzkl(name);
    let onnxOps = 0;
    lowerToLevel(module, "linalg-fused", inputs).walk((op) => { if (op.dialect === "onnx") onnxOps++; });
    expect(onnxOps).toBe(0);
  }
});

afterAll(() => {
  const by = (s: Row["status"]) => rows.filter((r) => r.status === s);
  const lines = [`ezkl differential: ${by("match").length} match, ${by("mismatch").length} mismatch, ${by("refused").length} refused by the lowering, ${by("onnx-level-unsupported").length} not runnable at the onnx level`];
  for (const r of rows) if (r.status !== "match") lines.push(`  ${r.name}: ${r.status}${r.detail ? ` (${r.detail.slice(0, 200)})` : ""}`);
  console.log(lines.join("\n"));
});
}
