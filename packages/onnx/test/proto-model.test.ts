import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Tensor } from "@zkmlir/core";
import { decodeModel, loadModel, OnnxGraphError, OnnxDecodeError, UnsupportedDataTypeError, UnsupportedOpError } from "../src/index.js";
import { buildModel } from "./helpers/build-model.js";
import { NODE_TESTS_DIR } from "./helpers/shared.js";

describe("ModelProto -> OnnxModel", () => {
  test("a backend-test model decodes to a typed graph", () => {
    const m = loadModel(join(NODE_TESTS_DIR, "test_add", "model.onnx"));
    expect(m.opsets.get("")).toBeGreaterThanOrEqual(7);
    expect(m.graph.inputs.map((v) => [v.name, v.dtype, v.dims])).toEqual([["x", "f32", [3, 4, 5]], ["y", "f32", [3, 4, 5]]]);
    expect(m.graph.nodes).toEqual([{ opType: "Add", domain: "", name: "", inputs: ["x", "y"], outputs: ["sum"], attrs: {} }]);
    expect(m.graph.outputs.map((v) => v.name)).toEqual(["sum"]);
  });

  test("attributes become plain values; symbolic dims stay names", () => {
    const bytes = buildModel({
      inputs: [{ name: "x", dims: ["batch", 4] }],
      outputs: [{ name: "y", dims: ["batch", 4] }],
      nodes: [{ op: "Foo", inputs: ["x"], outputs: ["y"], attrs: { i: 3, f: 0.5, s: "abc", ints: [1, -2], t: Tensor.fromArray("i64", [1], [7n]) } }],
    });
    const m = decodeModel(bytes, "mem.onnx");
    expect(m.graph.inputs[0]!.dims).toEqual(["batch", 4]);
    const a = m.graph.nodes[0]!.attrs;
    expect([a.i, a.f, a.s, a.ints]).toEqual([3, 0.5, "abc", [1, -2]]);
    expect((a.t as Tensor).data[0]).toBe(7n);
  });

  test("initializers listed among inputs (IR < 4) are not runtime inputs", () => {
    const bytes = buildModel({
      irVersion: 3,
      inputs: [{ name: "x", dims: [2] }, { name: "w", dims: [2] }],
      outputs: [{ name: "y", dims: [2] }],
      initializers: { w: Tensor.fromArray("f32", [2], [1, 2]) },
      nodes: [{ op: "Add", inputs: ["x", "w"], outputs: ["y"] }],
    });
    const m = decodeModel(bytes);
    expect(m.graph.inputs.map((v) => v.name)).toEqual(["x"]);
    expect([...m.graph.initializers.keys()]).toEqual(["w"]);
  });

  test("nodes out of order are sorted topologically, keeping file order otherwise", () => {
    const bytes = buildModel({
      inputs: [{ name: "x", dims: [1] }],
      outputs: [{ name: "z", dims: [1] }],
      nodes: [
        { op: "Relu", inputs: ["y"], outputs: ["z"], name: "second" },
        { op: "Neg", inputs: ["x"], outputs: ["y"], name: "first" },
        { op: "Abs", inputs: ["x"], outputs: ["unused"], name: "third" },
      ],
    });
    expect(decodeModel(bytes).graph.nodes.map((n) => n.name)).toEqual(["first", "second", "third"]);
  });

  test.each([
    ["an undefined input", [{ op: "Relu", inputs: ["nope"], outputs: ["y"], name: "r" }], /node 0 "r" \(Relu\) uses undefined value 'nope'/],
    ["a cycle", [{ op: "Add", inputs: ["x", "b"], outputs: ["y"] }, { op: "Neg", inputs: ["y"], outputs: ["b"] }], /graph has a cycle/],
    ["a value defined twice", [{ op: "Neg", inputs: ["x"], outputs: ["y"] }, { op: "Abs", inputs: ["x"], outputs: ["y"] }], /node 1 \(Abs\) redefines value 'y'/],
  ])("%s is a graph error naming the node", (_what, nodes, msg) => {
    const bytes = buildModel({ inputs: [{ name: "x", dims: [1] }], outputs: [{ name: "y", dims: [1] }], nodes });
    expect(() => decodeModel(bytes, "bad.onnx")).toThrow(OnnxGraphError);
    expect(() => decodeModel(bytes, "bad.onnx")).toThrow(msg);
  });

  test("an undefined graph output is a graph error", () => {
    const bytes = buildModel({ inputs: [{ name: "x", dims: [1] }], outputs: [{ name: "q", dims: [1] }], nodes: [] });
    expect(() => decodeModel(bytes, "bad.onnx")).toThrow(/graph output 'q' is not defined/);
  });

  test("random bytes, truncation and a non-model protobuf are decode errors", () => {
    const good = buildModel({ inputs: [{ name: "x", dims: [1] }], outputs: [{ name: "x", dims: [1] }], nodes: [] });
    expect(() => decodeModel(good.subarray(0, good.length - 5), "cut.onnx")).toThrow(OnnxDecodeError);
    expect(() => decodeModel(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]), "rnd.onnx")).toThrow(/rnd.onnx: not a valid ONNX model/);
    const tensorFile = join(NODE_TESTS_DIR, "test_add", "test_data_set_0", "input_0.pb");
    expect(() => decodeModel(readFileSync(tensorFile), "input_0.pb")).toThrow(/input_0.pb: not (a valid|an) ONNX model/);
  });

  test("an input of unsupported element type is refused by name", () => {
    const bytes = buildModel({ inputs: [{ name: "h", dims: [1], elemType: 10 }], outputs: [{ name: "h", dims: [1], elemType: 10 }], nodes: [] });
    expect(() => decodeModel(bytes, "f16.onnx")).toThrow(new UnsupportedDataTypeError("unsupported data type float16 (graph input of f16.onnx 'h')"));
  });

  test("control-flow subgraphs are refused as unsupported", () => {
    const m = loadModel.bind(null);
    expect(() => m(join(NODE_TESTS_DIR, "test_if", "model.onnx"))).toThrow(UnsupportedOpError);
  });
});
