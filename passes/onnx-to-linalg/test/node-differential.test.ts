// Differential check over ONNX's node test cases: every case the onnx level runs and whose ops
// the lowering covers must lower and give the onnx level's results (rtol 1e-5, atol 1e-6),
// except the refusals listed below (each must fail with an OnnxLoweringError naming the op).
// Counts are printed at the end.
import { compareOutputs, runAtLevel, OnnxLoweringError, SUPPORTED_ONNX_OPS, DIFF_TOLERANCE, type DiffTolerance } from "../src/index.js";
import { loadNodeCase, nodeCaseNames } from "./support.js";

/** Cases the lowering must refuse, and why. */
const REFUSED: Record<string, string> = {
  test_nonzero_example: "NonZero of a runtime input (data-dependent shape)",
};

/**
 * Looser tolerances, with the reason: linalg accumulates float sums in the element type (f32),
 * the reference kernels in f64; a long, cancelling sum then differs by ~n * 2^-24 relative.
 */
const TOLERANCE: Record<string, DiffTolerance> = {
  test_nllloss_NCd1d2d3d4d5_mean_weight_expanded: { rtol: 1e-4, atol: 1e-6 },
};

const supported = new Set(SUPPORTED_ONNX_OPS);
const counts = { matched: 0, refused: 0, opsOutsideList: 0, notRunnableAtOnnxLevel: 0 };
const outside = new Map<string, number>();

test("node cases: lowered and fused results equal the onnx level's", () => {
  const problems: string[] = [];
  for (const name of nodeCaseNames()) {
    let loaded, reference;
    try {
      loaded = loadNodeCase(name);
      reference = runAtLevel(loaded.module, "onnx", loaded.inputs);
    } catch {
      counts.notRunnableAtOnnxLevel++; // unsupported data types or ops at the onnx level
      continue;
    }
    const ops = new Set<string>();
    loaded.module.walk((op) => { if (op.dialect === "onnx") ops.add(op.name.slice(5)); });
    const missing = [...ops].filter((o) => !supported.has(o));
    if (missing.length) {
      counts.opsOutsideList++;
      for (const o of missing) outside.set(o, (outside.get(o) ?? 0) + 1);
      continue;
    }
    let got, fused;
    try {
      got = runAtLevel(loaded.module, "linalg", loaded.inputs);
      fused = runAtLevel(loaded.module, "linalg-fused", loaded.inputs);
    } catch (e) {
      if (REFUSED[name] && e instanceof OnnxLoweringError) { counts.refused++; continue; }
      problems.push(`${name}: ${(e as Error).message.split("\n").slice(0, 2).join(" ")}`);
      continue;
    }
    if (REFUSED[name]) problems.push(`${name}: expected a refusal (${REFUSED[name]}) but it lowered`);
    const tol = TOLERANCE[name] ?? DIFF_TOLERANCE;
    const r = compareOutputs(reference, got, tol), f = compareOutputs(reference, fused, tol);
    if (r.mismatch) problems.push(`${name}: ${r.mismatch}`);
    else if (f.mismatch) problems.push(`${name} (fused): ${f.mismatch}`);
    else counts.matched++;
  }
  expect(problems).toEqual([]);
  expect(counts.matched).toBeGreaterThan(800);
});

afterAll(() => {
  const top = [...outside].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o}(${n})`).join(" ");
  console.log(`node differential: ${counts.matched} matched, ${counts.refused} refused as expected, ${counts.opsOutsideList} use ops outside the lowering's list [${top}], ${counts.notRunnableAtOnnxLevel} not runnable at the onnx level`);
});
