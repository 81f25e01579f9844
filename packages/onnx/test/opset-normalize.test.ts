// Opset normalisation: an old-opset model, rewritten to current operator versions and run with
// the reference kernels, must compute what onnxruntime computes for the ORIGINAL old-opset model.
// (onnxruntime supports opset 7+; rules for opsets below 7 are checked against hand values.)
import { Tensor } from "@zkmlir/core";
import {
  compareTensors, decodeModel, normalizeOpset, runModel, MAX_OPSET, UnsupportedOpsetError, UnsupportedOpError, type OnnxModel,
} from "../src/index.js";
import { buildModel, type TestGraph } from "./helpers/build-model.js";
import { runOrt } from "./helpers/ort-oracle.js";
import { randomF32 } from "./helpers/pseudo-random.js";

const TOL = { rtol: 1e-5, atol: 1e-6 };
const X = randomF32([2, 3, 4], 3);
const X4 = randomF32([1, 2, 3, 4], 5);

function io(dims: number[], outDims: (number | string)[][] = [dims]): Pick<TestGraph, "inputs" | "outputs"> {
  return { inputs: [{ name: "x", dims }], outputs: outDims.map((d, i) => ({ name: i === 0 ? "y" : `y${i}`, dims: d })) };
}

async function matchesOrt(g: TestGraph, x: Tensor): Promise<OnnxModel> {
  const bytes = buildModel(g);
  const normalized = normalizeOpset(decodeModel(bytes, `opset${g.opset}.onnx`));
  const got = runModel(normalized, { x });
  const want = await runOrt(bytes, new Map([["x", x]]));
  for (const [name, w] of want) {
    const c = compareTensors(got.get(name)!, w, TOL);
    expect(`${name}: ${c.detail}`).toBe(`${name}: `);
  }
  return normalized;
}

const attrsOf = (m: OnnxModel, op: string) => m.graph.nodes.find((n) => n.opType === op)!.attrs;

describe("normalisation matches onnxruntime on the original opset", () => {
  test.each([[0], [1], [2], [-1]])("Softmax-11 axis=%i (coerce to 2-D)", async (axis) => {
    const m = await matchesOrt({ opset: 11, ...io([2, 3, 4]), nodes: [{ op: "Softmax", inputs: ["x"], outputs: ["y"], attrs: { axis } }] }, X);
    expect(m.opsets.get("")).toBe(MAX_OPSET);
  });
  test("LogSoftmax-1 default axis 1 and Hardmax-11", async () => {
    await matchesOrt({ opset: 9, ...io([2, 3, 4]), nodes: [{ op: "LogSoftmax", inputs: ["x"], outputs: ["y"] }] }, X);
    await matchesOrt({ opset: 11, ...io([2, 3, 4]), nodes: [{ op: "Hardmax", inputs: ["x"], outputs: ["y"], attrs: { axis: 1 } }] }, X);
  });
  test("Reshape-1 shape attribute", async () => {
    const m = await matchesOrt({ opset: 4, irVersion: 3, ...io([2, 3, 4], [[6, 4]]), nodes: [{ op: "Reshape", inputs: ["x"], outputs: ["y"], attrs: { shape: [6, -1] } }] }, X);
    expect(attrsOf(m, "Reshape").shape).toBeUndefined();
  });
  test("Squeeze-11 / Unsqueeze-11 axes attributes", async () => {
    const x = randomF32([2, 1, 4], 9);
    await matchesOrt({ opset: 11, ...io([2, 1, 4], [[2, 4]]), nodes: [{ op: "Squeeze", inputs: ["x"], outputs: ["y"], attrs: { axes: [1] } }] }, x);
    await matchesOrt({ opset: 11, ...io([2, 1, 4], [[1, 2, 1, 4, 1]]), nodes: [{ op: "Unsqueeze", inputs: ["x"], outputs: ["y"], attrs: { axes: [0, -1] } }] }, x);
  });
  test.each(["ReduceSum", "ReduceMean", "ReduceMax", "ReduceL2", "ReduceLogSumExp"])("%s-11 axes attribute", async (op) => {
    await matchesOrt({ opset: 11, ...io([2, 3, 4], [[2, 4]]), nodes: [{ op, inputs: ["x"], outputs: ["y"], attrs: { axes: [1], keepdims: 0 } }] }, X);
    await matchesOrt({ opset: 11, ...io([2, 3, 4], [[1, 1, 1]]), nodes: [{ op, inputs: ["x"], outputs: ["y"] }] }, X);
  });
  test("TopK-1 k attribute", async () => {
    const g: TestGraph = { opset: 9, ...io([2, 3, 4], [[2, 3, 2]]), nodes: [{ op: "TopK", inputs: ["x"], outputs: ["y", "y1"], attrs: { k: 2 } }] };
    g.outputs.push({ name: "y1", dims: [2, 3, 2], elemType: 7 });
    await matchesOrt(g, X);
  });
  test("Slice-1 attributes, with an INT64_MAX end", async () => {
    await matchesOrt({ opset: 9, ...io([2, 3, 4], [[2, 2, 3]]), nodes: [{ op: "Slice", inputs: ["x"], outputs: ["y"], attrs: { starts: [1, 1], ends: [9223372036854775807, 4], axes: [1, 2] } }] }, X);
  });
  test("Clip-6 min/max attributes", async () => {
    await matchesOrt({ opset: 6, irVersion: 3, ...io([2, 3, 4]), nodes: [{ op: "Clip", inputs: ["x"], outputs: ["y"], attrs: { min: -0.25, max: 0.5 } }] }, X);
    await matchesOrt({ opset: 6, irVersion: 3, ...io([2, 3, 4]), nodes: [{ op: "Clip", inputs: ["x"], outputs: ["y"], attrs: { max: 0.1 } }] }, X);
  });
  test.each(["constant", "reflect", "edge"])("Pad-2 pads/value attributes, mode %s", async (mode) => {
    await matchesOrt({ opset: 10, ...io([2, 3, 4], [[2, 5, 7]]), nodes: [{ op: "Pad", inputs: ["x"], outputs: ["y"], attrs: { pads: [0, 1, 2, 0, 1, 1], value: 1.5, mode } }] }, X);
  });
  test("Split-11 split attribute and equal split", async () => {
    await matchesOrt({ opset: 11, ...io([2, 3, 4], [[2, 3, 1], [2, 3, 3]]), nodes: [{ op: "Split", inputs: ["x"], outputs: ["y", "y1"], attrs: { axis: 2, split: [1, 3] } }] }, X);
    await matchesOrt({ opset: 11, ...io([2, 3, 4], [[2, 3, 2], [2, 3, 2]]), nodes: [{ op: "Split", inputs: ["x"], outputs: ["y", "y1"], attrs: { axis: -1 } }] }, X);
  });
  test("Dropout-10 ratio attribute (inference: identity)", async () => {
    await matchesOrt({ opset: 10, ...io([2, 3, 4]), nodes: [{ op: "Dropout", inputs: ["x"], outputs: ["y"], attrs: { ratio: 0.3 } }] }, X);
  });
  test("BatchNormalization-7 spatial/is_test, unused training outputs dropped", async () => {
    const c = 2;
    const g: TestGraph = {
      opset: 7, ...io([1, 2, 3, 4]),
      initializers: { s: Tensor.fromArray("f32", [c], [1.5, 0.5]), b: Tensor.fromArray("f32", [c], [0.1, -0.2]), m: Tensor.fromArray("f32", [c], [0.05, 0.1]), v: Tensor.fromArray("f32", [c], [0.9, 1.2]) },
      nodes: [{ op: "BatchNormalization", inputs: ["x", "s", "b", "m", "v"], outputs: ["y"], attrs: { spatial: 1, epsilon: 1e-3 } }],
    };
    const m = await matchesOrt(g, X4);
    expect(attrsOf(m, "BatchNormalization").spatial).toBeUndefined();
  });
  test.each(["nearest", "linear"])("Upsample-9 (scales input) and Upsample-7 (scales attribute), mode %s", async (mode) => {
    const x = randomF32([1, 1, 2, 3], 11);
    const scales = Tensor.fromArray("f32", [4], [1, 1, 2, 1.5]);
    const m = await matchesOrt({ opset: 9, ...io([1, 1, 2, 3], [[1, 1, 4, 4]]), initializers: { sc: scales }, nodes: [{ op: "Upsample", inputs: ["x", "sc"], outputs: ["y"], attrs: { mode } }] }, x);
    expect(m.graph.nodes.map((n) => n.opType)).toEqual(["Resize"]);
    await matchesOrt({ opset: 7, ...io([1, 1, 2, 3], [[1, 1, 4, 4]]), nodes: [{ op: "Upsample", inputs: ["x"], outputs: ["y"], attrs: { mode, scales: { floats: [1, 1, 2, 1.5] } } }] }, x);
  });
  test.each([["nearest", [1, 1, 2, 2]], ["nearest", [1, 1, 0.5, 0.5]], ["linear", [1, 1, 0.5, 0.75]]])("Resize-10 %s scales %j", async (mode, s) => {
    const x = randomF32([1, 1, 4, 4], 13);
    const out = [1, 1, Math.floor(4 * s[2]!), Math.floor(4 * s[3]!)];
    await matchesOrt({ opset: 10, ...io([1, 1, 4, 4], [out]), initializers: { sc: Tensor.fromArray("f32", [4], s) }, nodes: [{ op: "Resize", inputs: ["x", "sc"], outputs: ["y"], attrs: { mode } }] }, x);
  });
  test("GroupNormalization-18 per-group scale/bias become per-channel", async () => {
    const g: TestGraph = {
      opset: 18, ...io([2, 4, 3]),
      initializers: { s: Tensor.fromArray("f32", [2], [2, -0.5]), b: Tensor.fromArray("f32", [2], [0.25, 1]) },
      nodes: [{ op: "GroupNormalization", inputs: ["x", "s", "b"], outputs: ["y"], attrs: { num_groups: 2, epsilon: 1e-5 } }],
    };
    await matchesOrt(g, randomF32([2, 4, 3], 17));
  });
  test("Scatter-9 becomes ScatterElements", async () => {
    const g: TestGraph = {
      opset: 9, ...io([2, 3, 4]),
      initializers: { i: Tensor.fromArray("i64", [1, 1, 2], [2n, 0n]), u: Tensor.fromArray("f32", [1, 1, 2], [7, 8]) },
      nodes: [{ op: "Scatter", inputs: ["x", "i", "u"], outputs: ["y"], attrs: { axis: 2 } }],
    };
    const m = await matchesOrt(g, X);
    expect(m.graph.nodes[0]!.opType).toBe("ScatterElements");
  });
});

describe("rules for opsets below onnxruntime's range (hand-checked values)", () => {
  const run = (g: TestGraph, inputs: Record<string, Tensor>): Tensor => runModel(normalizeOpset(decodeModel(buildModel(g))), inputs).get("y")!;
  test("Add-6 legacy broadcast with axis aligns B at that axis", () => {
    const a = Tensor.fromArray("f32", [2, 3, 2], [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const b = Tensor.fromArray("f32", [3], [10, 20, 30]);
    const g: TestGraph = { opset: 6, irVersion: 3, inputs: [{ name: "a", dims: [2, 3, 2] }, { name: "b", dims: [3] }], outputs: [{ name: "y", dims: [2, 3, 2] }], nodes: [{ op: "Add", inputs: ["a", "b"], outputs: ["y"], attrs: { broadcast: 1, axis: 1 } }] };
    expect([...run(g, { a, b }).data]).toEqual([10, 10, 20, 20, 30, 30, 11, 11, 21, 21, 31, 31]);
  });
  test("Mul-6 broadcast without axis is numpy suffix broadcasting; consumed_inputs is dropped", () => {
    const a = Tensor.fromArray("f32", [2, 2], [1, 2, 3, 4]);
    const b = Tensor.fromArray("f32", [2], [10, 100]);
    const g: TestGraph = { opset: 5, irVersion: 3, inputs: [{ name: "a", dims: [2, 2] }, { name: "b", dims: [2] }], outputs: [{ name: "y", dims: [2, 2] }], nodes: [{ op: "Mul", inputs: ["a", "b"], outputs: ["y"], attrs: { broadcast: 1, consumed_inputs: [0] } }] };
    const m = normalizeOpset(decodeModel(buildModel(g)));
    expect(m.graph.nodes[0]!.attrs).toEqual({});
    expect([...run(g, { a, b }).data]).toEqual([10, 200, 30, 400]);
  });
  test("Cast-1 string target and Concat-1 default axis 1", () => {
    const x = Tensor.fromArray("f32", [1, 2], [1.7, -2.2]);
    const g: TestGraph = { opset: 1, irVersion: 3, ...io([1, 2], [[1, 4]]), nodes: [
      { op: "Concat", inputs: ["x", "x"], outputs: ["c"] }, { op: "Cast", inputs: ["c"], outputs: ["y"], attrs: { to: "INT32" } }] };
    const y = run(g, { x });
    expect([y.dtype, [...y.shape], [...y.data]]).toEqual(["i32", [1, 4], [1, -2, 1, -2]]);
  });
});

describe("refusals", () => {
  test("an opset newer than supported", () => {
    const bytes = buildModel({ opset: MAX_OPSET + 1, ...io([1]), nodes: [{ op: "Relu", inputs: ["x"], outputs: ["y"] }] });
    expect(() => normalizeOpset(decodeModel(bytes, "new.onnx"))).toThrow(new UnsupportedOpsetError(`new.onnx: opset ${MAX_OPSET + 1} is newer than the newest supported opset ${MAX_OPSET}`));
  });
  test("training-mode BatchNormalization outputs in use", () => {
    const bytes = buildModel({ opset: 7, ...io([1, 2, 2, 2]), nodes: [
      { op: "BatchNormalization", inputs: ["x", "x", "x", "x", "x"], outputs: ["y", "mean"], attrs: { is_test: 0 } },
      { op: "Identity", inputs: ["mean"], outputs: ["m2"] }] });
    expect(() => normalizeOpset(decodeModel(bytes))).toThrow(UnsupportedOpError);
  });
});
