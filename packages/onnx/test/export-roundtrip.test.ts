// The exporter on hand-built modules: names, initializers, attributes of every kind, Identity
// outputs, value_info; decoded back through the front end and run by onnxruntime.
import { Tensor } from "@zkmlir/core";
import { decodeModel, importModel, runModel, type OnnxModel } from "../src/index.js";
import { exportModel } from "../src/export/index.js";
import { onnx } from "../src/proto/onnx-proto.js";
import { buildModel } from "./helpers/build-model.js";
import { runOrt } from "./helpers/ort-oracle.js";

const f32 = 1;
/** onnxruntime-node 1.30 runs opsets up to 26; opset 27 changed only Range (more types). */
const ORT_OPSET = 26;

function roundTrip(bytes: Uint8Array): { model: OnnxModel; again: OnnxModel; exported: Uint8Array } {
  const model = decodeModel(bytes, "t.onnx");
  const exported = exportModel(importModel(model).module, { opset: ORT_OPSET });
  return { model, again: decodeModel(exported, "exported.onnx"), exported };
}

test("graph names, initializers and attributes survive export; the model runs the same", async () => {
  const bytes = buildModel({
    nodes: [
      { op: "Conv", inputs: ["x", "w"], outputs: ["c"], name: "conv", attrs: { pads: [1, 1, 1, 1], strides: [1, 1], auto_pad: "NOTSET" } },
      { op: "LeakyRelu", inputs: ["c"], outputs: ["r"], attrs: { alpha: 0.25 } },
      { op: "Slice", inputs: ["r", "st", "en"], outputs: ["s"] },
      { op: "Concat", inputs: ["s", "s"], outputs: ["y"], attrs: { axis: 1 } },
    ],
    inputs: [{ name: "x", dims: ["N", 1, 4, 4] }],
    outputs: [{ name: "y", dims: ["N", 4, 4, 4] }, { name: "x", dims: ["N", 1, 4, 4] }],
    initializers: {
      w: Tensor.fromArray("f32", [2, 1, 3, 3], Array.from({ length: 18 }, (_, i) => i / 10 - 0.9)),
      st: Tensor.fromArray("i64", [1], [0n]),
      en: Tensor.fromArray("i64", [1], [9223372036854775807n]),
    },
  });
  const { model, again, exported } = roundTrip(bytes);
  const graph = onnx.ModelProto.decode(exported).graph!;
  expect(graph.input!.map((v) => v.name)).toEqual(["x"]);
  expect(graph.output!.map((v) => v.name)).toEqual(["y", "x_1"]);
  expect(graph.initializer!.map((t) => t.name).sort()).toEqual(["en", "st", "w"]);
  expect(again.graph.nodes.map((n) => n.opType)).toEqual(["Conv", "LeakyRelu", "Slice", "Concat", "Identity"]);
  expect(again.graph.nodes[0]!.attrs).toEqual({ pads: [1, 1, 1, 1], strides: [1, 1], auto_pad: "NOTSET" });
  expect(again.graph.nodes[1]!.attrs.alpha).toBeCloseTo(0.25);
  expect(again.graph.initializers.get("en")!.data[0]).toBe(9223372036854775807n); // i64 max survives
  const x = Tensor.fromArray("f32", [1, 1, 4, 4], Array.from({ length: 16 }, (_, i) => Math.sin(i)));
  const want = runModel(model, new Map([["x", x]]));
  const got = await runOrt(exported, new Map([["x", x]]));
  expect([...got.keys()]).toEqual(["y", "x_1"]);
  const y = got.get("y")!, wantY = want.get("y")!;
  expect(y.shape).toEqual([1, 4, 4, 4]);
  for (let i = 0; i < y.size; i++) expect(y.getNumber(i)).toBeCloseTo(wantY.getNumber(i), 5);
  expect(got.get("x_1")!.data).toEqual(x.data);
});

test("a constant returned as an output becomes an initializer plus an Identity", () => {
  const bytes = buildModel({
    nodes: [{ op: "Constant", inputs: [], outputs: ["k"], attrs: { value: Tensor.fromArray("f32", [2], [1, 2]) } }],
    inputs: [], outputs: [{ name: "k", dims: [2], elemType: f32 }],
  });
  const { again } = roundTrip(bytes);
  expect(again.graph.nodes.map((n) => n.opType)).toEqual(["Identity"]);
  expect([...again.graph.initializers.values()][0]!.data).toEqual(new Float32Array([1, 2]));
});
