// `zkmlir compile` and `zkmlir run --level linalg`, in-process through runZkmlir.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { Context, BuiltinDialect, parseModule, verify } from "@zkmlir/core";
import { runZkmlir } from "../src/index.js";
import { OPT_DIALECTS } from "../src/opt/opt-context.js";

const SHARED = fileURLToPath(new URL("../../../../../shared/", import.meta.url));
const EZKL = join(SHARED, "models", "ezkl");
const tmp = mkdtempSync(join(tmpdir(), "zkmlir-compile-"));
const ctx = new Context({ dialects: [BuiltinDialect, ...OPT_DIALECTS] });

async function zkmlir(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const code = await runZkmlir(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

test("compile --emit linalg prints a verified module with only upstream dialects", async () => {
  const r = await zkmlir("compile", join(EZKL, "4l_relu_conv_fc", "network.onnx"), "--emit", "linalg");
  expect([r.code, r.err]).toEqual([0, ""]);
  const m = parseModule(r.out, { context: ctx });
  verify(m, {}, ctx);
  const dialects = new Set<string>();
  m.walk((op) => void dialects.add(op.dialect));
  expect([...dialects].sort()).toEqual(expect.arrayContaining(["arith", "func", "linalg"]));
  expect(dialects.has("onnx")).toBe(false);
  expect(r.out).toMatch(/d2 \* 2 \+ d5/); // the strided convolution window in an indexing map
  expect(r.out).toContain(`"reduction"`);
});

test("compile -o DIR writes every level; the generic linalg form is read by mlir-opt-19", async () => {
  const dir = join(tmp, "nanogpt");
  const r = await zkmlir("compile", join(EZKL, "nanoGPT", "network.onnx"), "-o", dir, "--mlir-print-op-generic", "--mlir-elide-elementsattrs-if-larger=16");
  expect([r.code, r.err]).toEqual([0, ""]);
  expect(readdirSync(dir).sort()).toEqual(["linalg.mlir", "onnx.mlir"]);
  const onnx = readFileSync(join(dir, "onnx.mlir"), "utf8");
  expect(onnx).toContain('"onnx.MatMul"');
  expect(onnx).not.toContain('"onnx.Shape"'); // onnx-simplify folded the shape chains
  const have = spawnSync("mlir-opt-19", ["--version"]).status === 0;
  if (!have && process.env.CI === "true") throw new Error("mlir-opt-19 is required in CI");
  if (have) {
    const r2 = spawnSync("mlir-opt-19", [join(dir, "linalg.mlir")], { encoding: "utf8" });
    expect(r2.stderr).toBe("");
    expect(r2.status).toBe(0);
  }
});

test("run --level linalg-fused equals the onnx level within the lowering's tolerance", async () => {
  const model = join(EZKL, "2l_relu_sigmoid", "network.onnx");
  const input = join(EZKL, "2l_relu_sigmoid", "input.json");
  const a = await zkmlir("run", model, "--input", input, "--json");
  const b = await zkmlir("run", model, "--input", input, "--json", "--level", "linalg-fused");
  expect([a.code, b.code, b.err]).toEqual([0, 0, ""]);
  const xa = JSON.parse(a.out).outputs[0].data as number[];
  const xb = JSON.parse(b.out).outputs[0].data as number[];
  expect(xb.length).toBe(xa.length);
  xb.forEach((v, i) => expect(Math.abs(v - xa[i]!)).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(xa[i]!)));
});

test("bad input: unknown level, missing file, no -o without --emit", async () => {
  const model = join(EZKL, "2l_relu_fc", "network.onnx");
  const r1 = await zkmlir("compile", model, "--emit", "ssa");
  expect(r1.code).toBe(1);
  expect(r1.err).toMatch(/--emit ssa: unknown level/);
  const r2 = await zkmlir("compile", join(tmp, "missing.onnx"), "--emit", "onnx");
  expect(r2.code).toBe(1);
  expect(r2.err).toMatch(/missing\.onnx/);
  const r3 = await zkmlir("compile", model);
  expect(r3.code).toBe(1);
  expect(r3.err).toMatch(/give -o DIR/);
});

test("deterministic: the same model gives byte-identical IR at every level", async () => {
  const model = join(EZKL, "self_attention", "network.onnx");
  for (const level of ["onnx", "linalg"]) {
    const a = await zkmlir("compile", model, "--emit", level, "--mlir-print-debuginfo");
    const b = await zkmlir("compile", model, "--emit", level, "--mlir-print-debuginfo");
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
  }
});
