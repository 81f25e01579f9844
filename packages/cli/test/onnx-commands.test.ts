// `zkmlir run` and `zkmlir onnx-test`, in-process through runZkmlir.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import onnxProto from "onnx-proto";
import { Tensor } from "@zkmlir/core";
import { loadEzklInput, loadModel, loadTensor, normalizeOpset, runModel, MAX_OPSET } from "@zkmlir/onnx";
import { runZkmlir } from "../src/index.js";
import { outputsJson } from "../src/commands/run.js";

const SHARED = fileURLToPath(new URL("../../../../../shared/", import.meta.url)); // packages/cli/dist/test -> shared
const EZKL = join(SHARED, "models", "ezkl");
const NODE = join(SHARED, "onnx-tests", "node");
const tmp = mkdtempSync(join(tmpdir(), "zkmlir-cli-"));

async function zkmlir(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const code = await runZkmlir(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

test("run --input input.json --json: outputs in graph order equal the graph executor's", async () => {
  const model = join(EZKL, "lstm", "network.onnx");
  const r = await zkmlir("run", model, "--input", join(EZKL, "lstm", "input.json"), "--json");
  expect([r.code, r.err]).toEqual([0, ""]);
  const m = normalizeOpset(loadModel(model));
  const want = runModel(m, loadEzklInput(join(EZKL, "lstm", "input.json"), m.graph));
  const got = JSON.parse(r.out) as { outputs: { name: string; dims: number[]; data: number[] }[] };
  expect(got.outputs.map((o) => o.name)).toEqual(["output", "78", "79"]);
  got.outputs.forEach((o) => {
    const w = want.get(o.name)!;
    expect(o.dims).toEqual(w.shape);
    expect(o.data).toEqual(Array.from(w.data as Float32Array));
  });
});

test("run --input-pb with a readable summary; --input-shape binds a symbolic dim", async () => {
  const dir = join(NODE, "test_relu");
  const r = await zkmlir("run", join(dir, "model.onnx"), "--input-pb", join(dir, "test_data_set_0", "input_0.pb"));
  expect(r.code).toBe(0);
  const want = loadTensor(join(dir, "test_data_set_0", "output_0.pb"));
  expect(r.out).toMatch(new RegExp(`^y: f32\\[${want.shape.join(", ")}\\] = \\[${want.getNumber(0)}, .*\\(${want.size} values\\)\\]\\n$`));
  const mlp = join(EZKL, "1l_mlp", "network.onnx");
  const b = await zkmlir("run", mlp, "--input", join(EZKL, "1l_mlp", "input.json"), "--input-shape", "batch_size=1", "--json");
  expect(b.code).toBe(0);
  const c = await zkmlir("run", mlp, "--input", join(EZKL, "1l_mlp", "input.json"), "--input-shape", "batch_size=2", "--json");
  expect(c.code).toBe(1);
  expect(c.err).toMatch(/^error: .*network.onnx: input 'input' dimension 0 'batch_size' is 1, but 'batch_size' is bound to 2\n$/);
});

test("JSON values: bools 0/1, NaN and infinities as strings, int64 beyond 2^53 as decimal strings", () => {
  const outs = new Map([
    ["b", Tensor.fromArray("i1", [2], [1, 0])],
    ["f", Tensor.fromArray("f32", [4], [NaN, Infinity, -Infinity, 0.5])],
    ["i", Tensor.fromArray("i64", [3], [9007199254740993n, -9007199254740993n, 42n])],
  ]);
  expect(JSON.parse(outputsJson(outs))).toEqual({ outputs: [
    { name: "b", dims: [2], data: [1, 0] },
    { name: "f", dims: [4], data: ["NaN", "Infinity", "-Infinity", 0.5] },
    { name: "i", dims: [3], data: ["9007199254740993", "-9007199254740993", 42] },
  ] });
});

describe("run: bad input is one clear error, exit 1", () => {
  const relu = join(NODE, "test_relu", "model.onnx");
  const cases: [string, () => string[], RegExp][] = [
    ["missing file", () => [join(tmp, "nope.onnx")], /nope\.onnx/],
    ["malformed model", () => { const p = join(tmp, "junk.onnx"); writeFileSync(p, "not a model at all"); return [p]; }, /junk\.onnx/],
    ["missing input", () => [relu], /test_relu\/model\.onnx: missing input 'x' \(give --input input.json or --input-pb FILE.pb...\)/],
    ["too few inputs", () => [join(NODE, "test_add", "model.onnx"), "--input-pb", join(NODE, "test_add", "test_data_set_0", "input_0.pb")], /test_add\/model\.onnx: 1 input files given, the graph has 2 inputs \(x, y\)/],
    ["wrong shape", () => [relu, "--input-pb", join(NODE, "test_matmul_2d", "test_data_set_0", "input_0.pb")], /test_relu\/model\.onnx: input 'x' has shape \[3, 4\], the graph declares \[3, 4, 5\]/],
    ["unsupported op", () => [join(NODE, "test_det_2d", "model.onnx"), "--input-pb", join(NODE, "test_det_2d", "test_data_set_0", "input_0.pb")], /unsupported op Det: no reference implementation \(.*test_det_2d\/model\.onnx: node 0 (".*" )?\(Det\)\)/],
    ["unsupported type", () => [join(NODE, "test_add_uint16", "model.onnx")], /unsupported data type uint16/],
    ["too-new opset", () => {
      const m = onnxProto.onnx.ModelProto.decode(readFileSync(relu));
      for (const o of m.opsetImport) if (!o.domain) o.version = MAX_OPSET + 1;
      const p = join(tmp, "future.onnx");
      writeFileSync(p, onnxProto.onnx.ModelProto.encode(m).finish());
      return [p];
    }, new RegExp(`future\\.onnx: opset ${MAX_OPSET + 1} is newer than the newest supported opset ${MAX_OPSET}`)],
    ["bad flag", () => [relu, "--level", "circuit"], /--level circuit is not available \(levels: onnx, linalg, linalg-fused\)/],
  ];
  test.each(cases)("%s", async (_, args, msg) => {
    const r = await zkmlir("run", ...args());
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^error: [^\n]*\n$/); // one line, no stack trace
    expect(r.err).toMatch(msg);
  });
});

test("onnx-test: one line per case, a summary line, exit 1 on FAIL", async () => {
  const r = await zkmlir("onnx-test", join(NODE, "test_relu"), join(NODE, "test_det_2d"), "--filter", "relu|det");
  expect(r.code).toBe(0);
  const lines = r.out.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^PASS test_relu max error /);
  expect(lines[1]).toMatch(/^UNSUPPORTED test_det_2d .*unsupported op Det/);
  expect(lines[2]).toBe("1 passed, 0 failed, 1 skipped");
  // A case whose expected output is wrong FAILs with its max error.
  const bad = join(tmp, "test_relu_broken");
  mkdirSync(join(bad, "test_data_set_0"), { recursive: true });
  copyFileSync(join(NODE, "test_relu", "model.onnx"), join(bad, "model.onnx"));
  copyFileSync(join(NODE, "test_relu", "test_data_set_0", "input_0.pb"), join(bad, "test_data_set_0", "input_0.pb"));
  copyFileSync(join(NODE, "test_abs", "test_data_set_0", "output_0.pb"), join(bad, "test_data_set_0", "output_0.pb"));
  const f = await zkmlir("onnx-test", bad, "--path", "graph");
  expect(f.code).toBe(1);
  expect(f.out).toMatch(/^FAIL test_relu_broken max error \S+ /);
  expect(f.out).toMatch(/\n0 passed, 1 failed, 0 skipped\n$/);
  const missing = await zkmlir("onnx-test", join(tmp, "nowhere"));
  expect([missing.code, missing.err]).toEqual([1, `error: no such file or folder: ${join(tmp, "nowhere")}\n`]);
});
