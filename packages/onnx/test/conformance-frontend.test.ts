// The front end (decode + opset normalisation + .pb loading) handles every backend test case:
// each one is either accepted or refused as unsupported; no case may fail in this layer.
// (Kernel results are the kernel conformance tests' business.)
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  listCases, loadModel, loadTensor, normalizeOpset, numberedFiles, runCaseDir, formatResult, summarize, formatSummary,
  lightInput, MAX_OPSET, UnsupportedDataTypeError, UnsupportedOpError, UnsupportedOpsetError,
} from "../src/index.js";
import { ONNX_TESTS_DIR, SHARED_DIR } from "./helpers/shared.js";

const ROOTS = ["node", "pytorch-converted", "pytorch-operator", "simple", "light"].map((d) => join(ONNX_TESTS_DIR, d));
const isUnsupported = (e: unknown): boolean =>
  e instanceof UnsupportedDataTypeError || e instanceof UnsupportedOpError || e instanceof UnsupportedOpsetError;

describe("front end over the ONNX backend test data", () => {
  test("every case model decodes and normalises, or is refused as unsupported", () => {
    const broken: string[] = [];
    let accepted = 0;
    let cases = 0;
    for (const root of ROOTS) {
      for (const path of listCases(root)) {
        cases++;
        try {
          normalizeOpset(loadModel(path.endsWith(".onnx") ? path : join(path, "model.onnx")));
          accepted++;
        } catch (e) {
          if (!isUnsupported(e)) broken.push(`${path}: ${String(e)}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(cases).toBeGreaterThan(1500);
    expect(accepted).toBeGreaterThan(cases * 0.8);
  });

  test("every input/output .pb decodes or is an unsupported data type", () => {
    const broken: string[] = [];
    for (const root of ROOTS.slice(0, 4)) {
      for (const dir of listCases(root)) {
        for (const set of readdirSync(dir).filter((f) => f.startsWith("test_data_set_"))) {
          for (const f of [...numberedFiles(join(dir, set), "input"), ...numberedFiles(join(dir, set), "output")]) {
            try { loadTensor(f); } catch (e) { if (!(e instanceof UnsupportedDataTypeError)) broken.push(`${f}: ${String(e)}`); }
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  test("MAX_OPSET is the newest default-domain opset of Operators.md", () => {
    const md = readFileSync(join(SHARED_DIR, "onnx-schema", "Operators.md"), "utf8");
    const versions = [...md.matchAll(/since version (\d+) of the default ONNX operator set/g)].map((m) => Number(m[1]));
    expect(Math.max(...versions)).toBe(MAX_OPSET);
  });
});

describe("conformance runner", () => {
  test("result lines and summary", () => {
    const dir = join(ONNX_TESTS_DIR, "node", "test_relu");
    const r = runCaseDir(dir, { kernels: {} });
    expect(formatResult(r)).toMatch(/^UNSUPPORTED test_relu .*unsupported op Relu/);
    expect(formatSummary(summarize([r, { name: "a", status: "PASS" }, { name: "b", status: "FAIL" }]))).toBe("1 passed, 1 failed, 1 skipped");
  });

  test("light inputs are arange(n).reshape(shape)/n as float32, symbolic dims 1", () => {
    const t = lightInput({ name: "x", dtype: "f32", dims: ["N", 2, 2] });
    expect([...t.shape]).toEqual([1, 2, 2]);
    expect([...t.data]).toEqual([0, 0.25, 0.5, 0.75]);
  });
});
