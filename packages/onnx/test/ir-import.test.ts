// The importer: OnnxModel -> builtin.module { func.func @main } of onnx.* ops. Names, locations,
// initializers without copies, symbolic dims, element types, positions, and clear errors.
import { join } from "node:path";
import {
  ArrayAttr, DenseElementsAttr, DictionaryAttr, FileLineColLoc, NameLoc, StringAttr, Tensor, parseModule, printOp, verify, type Operation,
} from "@zkmlir/core";
import { functionType } from "@zkmlir/func";
import type { Attrs } from "@zkmlir/onnx-dialect";
import { loadModel, normalizeOpset, OnnxGraphError, OnnxInputError, UnsupportedOpError, type OnnxModel, type OnnxNode, type OnnxValueInfo } from "../src/index.js";
import { importModel } from "../src/import/import-model.js";
import { IR_CONTEXT } from "../src/ir-exec/run-ir.js";
import { EZKL_MODELS_DIR } from "./helpers/shared.js";

const ezkl = (name: string): OnnxModel => normalizeOpset(loadModel(join(EZKL_MODELS_DIR, name, "network.onnx")));
const ops = (fn: Operation): Operation[] => fn.region(0).entry!.opsArray();

/** A hand-built one-graph model (OnnxModel is plain data). */
function model(nodes: Partial<OnnxNode>[], inputs: OnnxValueInfo[], outputs: OnnxValueInfo[], initializers: [string, Tensor][] = []): OnnxModel {
  return {
    source: "t.onnx", irVersion: 8, producer: "test", opsets: new Map([["", 22]]),
    graph: {
      name: "g", initializers: new Map(initializers), inputs, outputs,
      nodes: nodes.map((n, i) => ({ opType: "Identity", domain: "", name: `n${i}`, inputs: [], outputs: [], attrs: {} as Attrs, ...n })),
    },
  };
}
const f32In = (name: string, dims: (number | string)[] | undefined): OnnxValueInfo => ({ name, dtype: "f32", dims });

test("a real CNN: names as arg/result attrs, node locations, constants sharing initializer data, verifies", () => {
  const m = ezkl("4l_relu_conv_fc");
  const { module, func, inputNames, outputNames, symbols } = importModel(m);
  verify(module, {}, IR_CONTEXT);
  expect(inputNames).toEqual(["input"]);
  expect(outputNames).toEqual(["output"]);
  expect(symbols.get("batch_size")).toBe(1);
  expect(functionType(func).key).toBe("(tensor<1x1x28x28xf32>) -> tensor<?x10xf32>"); // output symbols are not bound
  expect(func.getAttr("arg_attrs")).toEqual(new ArrayAttr([new DictionaryAttr([["onnx.name", new StringAttr("input")]])]));
  const body = ops(func);
  const consts = body.filter((o) => o.name === "onnx.Constant");
  expect(consts.length).toBe(m.graph.initializers.size);
  for (const c of consts) {
    const name = (c.loc as NameLoc).name;
    expect((c.getAttr("value") as DenseElementsAttr).data).toBe(m.graph.initializers.get(name)!.data); // no copy
  }
  const nodes = body.filter((o) => o.name !== "onnx.Constant" && o.name !== "func.return");
  expect(nodes.map((o) => o.name)).toEqual(m.graph.nodes.map((n) => `onnx.${n.opType}`));
  nodes.forEach((o, i) => {
    const loc = o.loc as NameLoc;
    expect(loc.name).toBe(m.graph.nodes[i]!.name);
    expect(loc.child).toEqual(new FileLineColLoc(m.source, i + 1, 0));
  });
  // The last node defines the graph output: it carries the declared type (its symbolic dim dynamic).
  expect(nodes.at(-1)!.result(0).type.key).toBe("tensor<?x10xf32>");
});

test.each(["4l_relu_conv_fc", "lstm", "nanoGPT"])("generic form of %s prints and re-parses exactly (with locations)", (name) => {
  const { module } = importModel(ezkl(name));
  const text = printOp(module, { generic: true, debugInfo: true });
  const again = parseModule(text, { context: IR_CONTEXT });
  verify(again, {}, IR_CONTEXT);
  expect(printOp(again, { generic: true, debugInfo: true })).toBe(text);
});

test("symbolic dims: user binding, binding from data, default 1, conflicts", () => {
  const m = model([{ opType: "Relu", inputs: ["x"], outputs: ["y"] }], [f32In("x", ["batch", 3, "?"])], [f32In("y", ["batch", 3, "?"])]);
  const type = (opts: Parameters<typeof importModel>[1]) => functionType(importModel(m, opts).func).key;
  expect(type({})).toBe("(tensor<1x3x1xf32>) -> tensor<?x3x?xf32>");
  expect(type({ dims: { batch: 4 } })).toBe("(tensor<4x3x1xf32>) -> tensor<?x3x?xf32>");
  expect(type({ inputs: new Map([["x", new Tensor("f32", [2, 3, 5])]]) })).toBe("(tensor<2x3x5xf32>) -> tensor<?x3x?xf32>");
  expect(() => type({ dims: { batch: 4 }, inputs: new Map([["x", new Tensor("f32", [2, 3, 5])]]) })).toThrow(/input 'x' dimension 0 'batch' is 2, but 'batch' is bound to 4/);
  expect(() => type({ dims: { batchsize: 4 } })).toThrow(OnnxInputError);
  expect(() => type({ dims: { batchsize: 4 } })).toThrow(/names 'batchsize', which no graph input uses \(symbolic dims: batch\)/);
  const unknownRank = model([{ opType: "Relu", inputs: ["x"], outputs: ["y"] }], [f32In("x", undefined)], [f32In("y", undefined)]);
  expect(functionType(importModel(unknownRank).func).key).toBe("(tensor<*xf32>) -> tensor<*xf32>");
});

test("element types: attribute-typed outputs, fixed types, type variables; omitted inputs and outputs", () => {
  const m = model([
    { opType: "Shape", inputs: ["x"], outputs: ["s"] },
    { opType: "ConstantOfShape", inputs: ["s"], outputs: ["z"], attrs: { value: Tensor.fromArray("i32", [1], [7]) } },
    { opType: "Cast", inputs: ["z"], outputs: ["c"], attrs: { to: 11 } },
    { opType: "Equal", inputs: ["x", "x"], outputs: ["e"] },
    { opType: "Clip", inputs: ["x", "", "hi"], outputs: ["k"] },
    { opType: "Dropout", inputs: ["x"], outputs: ["d", ""] },
  ], [f32In("x", [2])], [{ name: "c", dtype: "f64", dims: [2] }, { name: "e", dtype: "i1", dims: [2] }, f32In("k", [2]), f32In("d", [2])], [["hi", Tensor.scalar("f32", 1)]]);
  const { module, func } = importModel(m);
  verify(module, {}, IR_CONTEXT);
  const types = Object.fromEntries(ops(func).filter((o) => o.results.length).map((o) => [o.name, o.resultTypes.map((t) => t.key).join(",")]));
  expect(types).toMatchObject({
    "onnx.Shape": "tensor<*xi64>", "onnx.ConstantOfShape": "tensor<*xi32>", "onnx.Cast": "tensor<2xf64>",
    "onnx.Equal": "tensor<2xi1>", "onnx.Clip": "tensor<2xf32>", "onnx.Dropout": "tensor<2xf32>",
  });
  const clip = ops(func).find((o) => o.name === "onnx.Clip")!;
  expect(clip.operands.length).toBe(2);
  expect(printOp(module, { generic: true })).toContain("operandSegmentSizes = array<i32: 1, 0, 1>");
});

test("an output that is a graph input gets an Identity of the declared type", () => {
  const m = model([], [f32In("x", ["n"])], [f32In("x", ["n"]), f32In("x", [1])]);
  const { module, func } = importModel(m);
  verify(module, {}, IR_CONTEXT);
  // Symbolic output dims stay dynamic (only inputs bind symbols): an Identity gives x the result type.
  expect(ops(func).map((o) => o.name)).toEqual(["onnx.Identity", "func.return"]);
  const m2 = model([], [f32In("x", [2])], [f32In("x", undefined)]);
  const r = importModel(m2);
  verify(r.module, {}, IR_CONTEXT);
  expect(ops(r.func).map((o) => o.name)).toEqual(["onnx.Identity", "func.return"]);
});

test("errors name the file, node and op", () => {
  const one = (n: Partial<OnnxNode>) => model([n], [f32In("x", [2])], [f32In("y", [2])]);
  expect(() => importModel(one({ opType: "Relu", domain: "com.microsoft", inputs: ["x"], outputs: ["y"] })))
    .toThrow(new UnsupportedOpError(`unsupported op com.microsoft.Relu (t.onnx: node 0 "n0" (com.microsoft.Relu))`));
  expect(() => importModel(one({ opType: "Frobnicate", inputs: ["x"], outputs: ["y"] }))).toThrow(/unsupported op Frobnicate \(t.onnx: node 0 "n0" \(Frobnicate\)\)/);
  expect(() => importModel(one({ opType: "Relu", inputs: ["x"], outputs: ["y"], attrs: { alpha: 1 } }))).toThrow(/unsupported attribute 'alpha' of Relu \(t.onnx: node 0 "n0" \(Relu\)\)/);
  expect(() => importModel(one({ opType: "Relu", inputs: ["w"], outputs: ["y"] }))).toThrow(OnnxGraphError);
  expect(() => importModel(one({ opType: "Conv", inputs: ["", "x"], outputs: ["y"] }))).toThrow(/t.onnx: node 0 "n0" \(Conv\): 'onnx.Conv' requires input #0 'X'/);
  expect(() => importModel(one({ opType: "Relu", inputs: ["x"], outputs: ["y"], attrs: {} }))).not.toThrow();
  const cast = model([{ opType: "Cast", inputs: ["x"], outputs: ["y"], attrs: { to: 10 } }], [f32In("x", [2])], [f32In("y", [2])]);
  expect(() => importModel(cast)).toThrow(/unsupported data type float16 \(t.onnx: node 0 "n0" \(Cast\) attribute 'to'\)/);
});
