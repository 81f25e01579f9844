import { join } from "node:path";
import { Tensor } from "@zkmlir/core";
import type { Kernel } from "@zkmlir/onnx-dialect";
import {
  compareTensors, decodeModel, runCaseDir, runModel, OnnxInputError, OnnxExecError, UnsupportedOpError,
} from "../src/index.js";
import { buildModel } from "./helpers/build-model.js";
import { NODE_TESTS_DIR } from "./helpers/shared.js";

// Test-local kernels: the executor is tested independently of the real kernel library.
const add: Kernel = ([a, b]) => [new Tensor("f32", a!.shape, (a!.data as Float32Array).map((v, i) => v + (b!.data[i] as number)))];
const sub: Kernel = ([a, b]) => [new Tensor("f32", a!.shape, (a!.data as Float32Array).map((v, i) => v - (b!.data[i] as number)))];
const neg: Kernel = ([a]) => [new Tensor("f32", a!.shape, (a!.data as Float32Array).map((v) => -v))];
const failing: Kernel = () => { throw new Error("bad axis 7"); };

const chain = decodeModel(buildModel({
  inputs: [{ name: "x", dims: ["n", 2] }, { name: "y", dims: ["n", 2] }],
  outputs: [{ name: "z", dims: ["n", 2] }],
  initializers: { w: Tensor.fromArray("f32", [1, 2], [10, 20]) },
  nodes: [{ op: "Add", inputs: ["x", "y"], outputs: ["s"] }, { op: "Neg", inputs: ["s"], outputs: ["z"], name: "negate" }],
}), "chain.onnx");

describe("runModel", () => {
  const x = Tensor.fromArray("f32", [1, 2], [1, 2]);
  const y = Tensor.fromArray("f32", [1, 2], [3, 5]);

  test("runs nodes in order and returns graph outputs", () => {
    const out = runModel(chain, { x, y }, { kernels: { Add: add, Neg: neg } });
    expect([...out.keys()]).toEqual(["z"]);
    expect([...out.get("z")!.data]).toEqual([-4, -7]);
  });

  test("a missing kernel names the op and node", () => {
    expect(() => runModel(chain, { x, y }, { kernels: { Add: add } }))
      .toThrow(new UnsupportedOpError('unsupported op Neg (chain.onnx: node 1 "negate" (Neg))'));
  });

  test("a kernel error is wrapped with the node", () => {
    expect(() => runModel(chain, { x, y }, { kernels: { Add: failing, Neg: neg } })).toThrow(OnnxExecError);
    expect(() => runModel(chain, { x, y }, { kernels: { Add: failing, Neg: neg } })).toThrow(/node 0 \(Add\): bad axis 7/);
  });

  test.each([
    ["missing input", { x }, /missing input 'y'/],
    ["unknown input", { x, y, q: x }, /'q' is not an input of the graph/],
    ["wrong dtype", { x, y: Tensor.fromArray("i32", [1, 2], [1, 2]) }, /input 'y' is i32, the graph declares f32/],
    ["wrong rank", { x, y: Tensor.fromArray("f32", [2], [1, 2]) }, /input 'y' has shape \[2\], the graph declares \[n, 2\]/],
    ["wrong dim", { x, y: Tensor.fromArray("f32", [1, 3], [1, 2, 3]) }, /input 'y' has shape \[1, 3\]/],
    ["inconsistent symbolic dim", { x, y: Tensor.fromArray("f32", [2, 2], [1, 2, 3, 4]) }, /dimension 0 'n' is 2, another input bound it to 1/],
  ])("%s is an input error", (_what, inputs, msg) => {
    expect(() => runModel(chain, inputs, { kernels: { Add: add, Neg: neg } })).toThrow(OnnxInputError);
    expect(() => runModel(chain, inputs, { kernels: { Add: add, Neg: neg } })).toThrow(msg);
  });
});

describe("compareTensors", () => {
  const f = (v: number[]): Tensor => Tensor.fromArray("f32", [v.length], v);
  test("tolerance is atol + rtol*|want|", () => {
    expect(compareTensors(f([1000.05]), f([1000]), { rtol: 1e-4, atol: 0 }).ok).toBe(true);
    expect(compareTensors(f([1000.2]), f([1000]), { rtol: 1e-4, atol: 0 }).ok).toBe(false);
    expect(compareTensors(f([1e-7]), f([0]), { rtol: 1e-4, atol: 1e-6 }).ok).toBe(true);
  });
  test("NaN equals NaN; infinities must match", () => {
    expect(compareTensors(f([NaN, Infinity]), f([NaN, Infinity])).ok).toBe(true);
    expect(compareTensors(f([1]), f([NaN])).ok).toBe(false);
    expect(compareTensors(f([-Infinity]), f([Infinity])).ok).toBe(false);
  });
  test("integers compare exactly, including beyond 2^53", () => {
    const a = Tensor.fromArray("i64", [1], [2n ** 60n + 1n]);
    const b = Tensor.fromArray("i64", [1], [2n ** 60n]);
    expect(compareTensors(a, a).ok).toBe(true);
    expect(compareTensors(a, b).ok).toBe(false);
  });
  test("shape and dtype mismatches fail", () => {
    expect(compareTensors(f([1, 2]), f([1])).detail).toMatch(/shape/);
    expect(compareTensors(Tensor.fromArray("f64", [1], [1]), f([1])).detail).toMatch(/dtype/);
  });
});

describe("runCaseDir", () => {
  const dir = join(NODE_TESTS_DIR, "test_add");
  test("PASS with a correct kernel", () => {
    expect(runCaseDir(dir, { kernels: { Add: add } })).toMatchObject({ name: "test_add", status: "PASS", maxError: 0 });
  });
  test("FAIL with a wrong kernel, reporting the error", () => {
    const r = runCaseDir(dir, { kernels: { Add: sub } });
    expect(r.status).toBe("FAIL");
    expect(r.maxError).toBeGreaterThan(0.1);
  });
  test("UNSUPPORTED without a kernel", () => {
    expect(runCaseDir(dir, { kernels: {} })).toMatchObject({ status: "UNSUPPORTED", reason: expect.stringMatching(/unsupported op Add/) });
  });
  test("unsupported data types and exempt cases are UNSUPPORTED, never FAIL", () => {
    expect(runCaseDir(join(NODE_TESTS_DIR, "test_cast_FLOAT_to_FLOAT16"), { kernels: {} }))
      .toMatchObject({ status: "UNSUPPORTED", reason: expect.stringMatching(/unsupported data type float16/) });
    expect(runCaseDir(join(NODE_TESTS_DIR, "test_training_dropout"), { kernels: {} }))
      .toMatchObject({ status: "UNSUPPORTED", reason: expect.stringMatching(/random/) });
  });
});
