// Reference graph executor: runs an OnnxModel node by node with the reference kernels.
// It is the float ground truth the IR interpreter is cross-checked against.
import type { Tensor } from "@zkmlir/core";
import { ONNX_KERNELS, type Kernel } from "@zkmlir/onnx-dialect";
import { OnnxExecError, OnnxGraphError, UnsupportedOpError } from "../errors.js";
import { describeNode, type OnnxModel } from "../proto/model.js";
import { checkInputs } from "./check-inputs.js";

export interface RunOptions {
  /** Kernels by op type (default domain); defaults to ONNX_KERNELS. */
  readonly kernels?: Readonly<Record<string, Kernel>>;
}

export type TensorMap = ReadonlyMap<string, Tensor> | Readonly<Record<string, Tensor>>;

function toMap(m: TensorMap): ReadonlyMap<string, Tensor> {
  return m instanceof Map ? m : new Map(Object.entries(m));
}

/** Run the model on named inputs; returns the graph outputs by name, in declaration order. */
export function runModel(model: OnnxModel, inputs: TensorMap, opts: RunOptions = {}): Map<string, Tensor> {
  const kernels = opts.kernels ?? ONNX_KERNELS;
  const { graph, source } = model;
  const given = toMap(inputs);
  checkInputs(graph, given, source);

  // Remaining uses per value, so intermediates are dropped as soon as they are dead.
  const uses = new Map<string, number>();
  const use = (v: string): void => { if (v) uses.set(v, (uses.get(v) ?? 0) + 1); };
  for (const n of graph.nodes) n.inputs.forEach(use);
  for (const o of graph.outputs) use(o.name);

  const values = new Map<string, Tensor>([...graph.initializers, ...given]);
  graph.nodes.forEach((node, i) => {
    const where = `${source}: ${describeNode(node, i)}`;
    const kernel = node.domain === "" ? kernels[node.opType] : undefined;
    if (!kernel) throw new UnsupportedOpError(`unsupported op ${node.domain ? `${node.domain}.` : ""}${node.opType} (${where})`);
    const args = node.inputs.map((name) => {
      if (name === "") return undefined;
      const v = values.get(name);
      if (!v) throw new OnnxGraphError(`${where}: value '${name}' is not available`);
      return v;
    });
    let results: Tensor[];
    try {
      results = kernel(args, node.attrs, node.outputs.length);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/^unsupported/i.test(msg)) throw new UnsupportedOpError(`${msg} (${where})`, { cause: e });
      throw new OnnxExecError(`${where}: ${msg}`, { cause: e });
    }
    node.outputs.forEach((name, k) => {
      if (name === "") return;
      const r = results[k];
      if (!r) throw new OnnxExecError(`${where}: kernel returned ${results.length} outputs, output ${k} '${name}' is missing`);
      values.set(name, r);
    });
    for (const name of node.inputs) {
      if (!name) continue;
      const left = uses.get(name)! - 1;
      uses.set(name, left);
      if (left === 0) values.delete(name);
    }
  });
  return new Map(graph.outputs.map((o) => [o.name, values.get(o.name)!]));
}
