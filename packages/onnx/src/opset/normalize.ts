// Opset normalisation: rewrite every default-domain node of a model, imported at the model's
// opset, into ONE canonical form: the operator's current version (Operators.md of ONNX v1.22).
// Downstream (executor, importer, dialect) then only knows current semantics.
import type { Tensor } from "@zkmlir/core";
import { OnnxGraphError, UnsupportedOpsetError } from "../errors.js";
import { orderNodes } from "../proto/graph-order.js";
import { describeNode, type OnnxModel, type OnnxNode } from "../proto/model.js";
import type { RewriteContext } from "./context.js";
import { RULES } from "./rule-table.js";
import { MAX_OPSET } from "./supported-opset.js";
import { withoutAttrs } from "./context.js";

/** Returns a new model whose default-domain nodes are in current-opset form. */
export function normalizeOpset(model: OnnxModel): OnnxModel {
  const { graph, source } = model;
  const opset = model.opsets.get("");
  if (opset === undefined) {
    if (graph.nodes.some((n) => n.domain === "")) throw new OnnxGraphError(`${source}: default-domain nodes but no ai.onnx opset import`);
    return model;
  }
  if (opset > MAX_OPSET) throw new UnsupportedOpsetError(`${source}: opset ${opset} is newer than the newest supported opset ${MAX_OPSET}`);
  if (opset < 1) throw new UnsupportedOpsetError(`${source}: opset ${opset} is not a valid ONNX opset`);

  const names = new Set<string>([...graph.initializers.keys(), ...graph.inputs.map((v) => v.name)]);
  const used = new Set<string>(graph.outputs.map((o) => o.name));
  for (const n of graph.nodes) {
    n.inputs.forEach((v) => { names.add(v); used.add(v); });
    n.outputs.forEach((v) => names.add(v));
  }
  const constants = constantValues(model);
  const initializers = new Map<string, Tensor>(graph.initializers);
  const fresh = (hint: string): string => {
    const base = `${hint}__norm`;
    let name = base;
    for (let k = 1; names.has(name); k++) name = `${base}${k}`;
    names.add(name);
    return name;
  };

  const nodes: OnnxNode[] = [];
  graph.nodes.forEach((node, i) => {
    if (node.domain !== "") { nodes.push(node); return; }
    const ctx: RewriteContext = {
      opset,
      where: `${source}: ${describeNode(node, i)}`,
      fresh,
      constant(t, hint) { const name = fresh(hint); initializers.set(name, t); return name; },
      constantValue: (name) => initializers.get(name) ?? constants.get(name),
      isUsed: (name) => used.has(name),
    };
    // consumed_inputs (opset 1-5) only told in-place buffer reuse: meaningless now.
    const clean = node.attrs.consumed_inputs === undefined ? node : { ...node, attrs: withoutAttrs(node.attrs, ["consumed_inputs"]) };
    const rule = RULES[node.opType];
    nodes.push(...(rule ? rule(clean, ctx) : [clean]));
  });

  const external = new Set([...initializers.keys(), ...graph.inputs.map((v) => v.name)]);
  const opsets = new Map(model.opsets);
  opsets.set("", MAX_OPSET);
  return { ...model, opsets, graph: { ...graph, nodes: orderNodes(nodes, external, source), initializers } };
}

/** Outputs of Constant nodes holding a `value` tensor (scales of Upsample-9 often come that way). */
function constantValues(model: OnnxModel): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  for (const n of model.graph.nodes) {
    const v = n.attrs.value;
    if (n.opType === "Constant" && n.domain === "" && v !== undefined && typeof v === "object" && !Array.isArray(v)) {
      out.set(n.outputs[0]!, v);
    }
  }
  return out;
}
