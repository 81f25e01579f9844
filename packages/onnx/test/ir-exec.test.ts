// The IR path (import + core interpreter with the onnx/func/arith reference tables) against the
// graph executor: the same kernels, so outputs must be identical, bit for bit. The existing
// real-model tests tie the graph executor to onnxruntime.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Tensor } from "@zkmlir/core";
import {
  decodeModel, lightInput, loadEzklInput, loadModel, normalizeOpset, runModel, runModelIr, OnnxExecError, OnnxInputError, UnsupportedOpError, type OnnxModel,
} from "../src/index.js";
import { runConformanceOn } from "../src/ir-exec/conformance-ir.js";
import { randomF32 } from "./helpers/pseudo-random.js";
import { EZKL_MODELS_DIR, ONNX_TESTS_DIR, OPENWAKEWORD_MODELS_DIR } from "./helpers/shared.js";


function expectIdentical(got: Map<string, Tensor>, want: Map<string, Tensor>): void {
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [name, w] of want) {
    const g = got.get(name)!;
    expect([name, g.dtype, g.shape]).toEqual([name, w.dtype, w.shape]);
    // Bitwise equality (NaN equals NaN, -0 differs from 0).
    const gb = new Uint8Array(g.data.buffer, g.data.byteOffset, g.data.byteLength);
    const wb = new Uint8Array(w.data.buffer, w.data.byteOffset, w.data.byteLength);
    expect(Buffer.compare(gb, wb)).toBe(0);
  }
}

function ezklCase(name: string): { model: OnnxModel; inputs: Map<string, Tensor> } {
  const dir = join(EZKL_MODELS_DIR, name);
  const model = normalizeOpset(loadModel(join(dir, "network.onnx")));
  const inputs = existsSync(join(dir, "input.json"))
    ? loadEzklInput(join(dir, "input.json"), model.graph)
    : new Map(model.graph.inputs.map((v) => [v.name, lightInput(v)])); // doodles: no input.json
  return { model, inputs };
}

describe("IR interpreter equals the graph executor", () => {
  test.each(readdirSync(EZKL_MODELS_DIR).sort())("ezkl %s", (name) => {
    const { model, inputs } = ezklCase(name);
    // Every model verifies, EZKL's int8 tree models too (MatMul's documented integer extension).
    expectIdentical(runModelIr(model, inputs), runModel(model, inputs));
  });

  test.each(["hello_deepa.onnx", "namaste_deepa.onnx", "hello_deepa_old.onnx"])("openwakeword %s", (file) => {
    const path = join(OPENWAKEWORD_MODELS_DIR, file);
    const model = normalizeOpset(decodeModel(readFileSync(path), path));
    const inputs = new Map(model.graph.inputs.map((v, i) => [v.name, randomF32((v.dims ?? []).map((d) => (typeof d === "number" ? d : 1)), 7 + i)]));
    expectIdentical(runModelIr(model, inputs), runModel(model, inputs));
  });
});

test("ONNX backend cases: every case that passes on the graph path passes on the IR path", () => {
  // light/ (full ImageNet CNNs, about a minute per path) is left to the bench script.
  const roots = ["node", "pytorch-converted", "pytorch-operator", "simple"].map((d) => join(ONNX_TESTS_DIR, d));
  const graph = runConformanceOn(roots, { path: "graph" });
  const ir = new Map(runConformanceOn(roots, { path: "ir" }).map((r) => [r.name, r]));
  const regressed = graph.filter((g) => g.status === "PASS" && ir.get(g.name)?.status !== "PASS").map((g) => `${g.name}: ${ir.get(g.name)?.reason}`);
  expect(regressed).toEqual([]);
  expect(graph.filter((g) => g.status === "PASS").length).toBeGreaterThan(900);
  // Unsupported cases stay unsupported (never a FAIL) on the IR path.
  const newFails = graph.filter((g) => g.status === "UNSUPPORTED" && ir.get(g.name)?.status === "FAIL").map((g) => `${g.name}: ${ir.get(g.name)?.reason}`);
  expect(newFails).toEqual([]);
});

test("errors on the IR path name the file, node and op", () => {
  const { model, inputs } = ezklCase("1l_mlp");
  expect(() => runModelIr(model, new Map())).toThrow(new OnnxInputError(`${model.source}: missing input 'input'`));
  const gemm = model.graph.nodes.findIndex((n) => n.opType === "Gemm");
  const bad: OnnxModel = { ...model, graph: { ...model.graph, nodes: model.graph.nodes.map((n, i) => (i === gemm ? { ...n, attrs: { ...n.attrs, transB: 0 } } : n)) } };
  expect(() => runModelIr(bad, inputs)).toThrow(OnnxExecError);
  expect(() => runModelIr(bad, inputs)).toThrow(new RegExp(`^${model.source}: node ${gemm} "${model.graph.nodes[gemm]!.name}" \\(Gemm\\): `));
  const relu = model.graph.nodes.findIndex((n) => n.opType === "Relu");
  const noKernel: OnnxModel = { ...model, graph: { ...model.graph, nodes: model.graph.nodes.map((n, i) => (i === relu ? { ...n, opType: "Det" } : n)) } };
  expect(() => runModelIr(noKernel, inputs)).toThrow(new UnsupportedOpError(
    `unsupported op Det: no reference implementation (${model.source}: node ${relu} "${model.graph.nodes[relu]!.name}" (Det))`));
});
