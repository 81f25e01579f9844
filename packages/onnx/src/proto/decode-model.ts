// ModelProto bytes -> validated OnnxModel.
import type { Tensor } from "@zkmlir/core";
import type { AttrValue } from "@zkmlir/onnx-dialect";
import { OnnxDecodeError, OnnxGraphError, UnsupportedOpError } from "../errors.js";
import { attrFromProto } from "./attributes.js";
import { orderNodes } from "./graph-order.js";
import { int64ToNumber } from "./long.js";
import { describeNode, type OnnxModel, type OnnxNode, type OnnxValueInfo } from "./model.js";
import { onnx, type GraphProto, type ModelProto, type NodeProto } from "./onnx-proto.js";
import { tensorFromProto } from "./tensor-proto.js";
import { valueInfoFromProto } from "./value-info.js";

/** Decode and validate a serialized ModelProto; `source` (a path) names the model in errors. */
export function decodeModel(bytes: Uint8Array, source = "<bytes>"): OnnxModel {
  let proto: ModelProto;
  try {
    proto = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new OnnxDecodeError(`${source}: not a valid ONNX model (${(e as Error).message})`);
  }
  if (!proto.graph || (proto.opsetImport?.length ?? 0) === 0) {
    // A random or foreign protobuf usually decodes to an empty ModelProto.
    throw new OnnxDecodeError(`${source}: not an ONNX model (no graph or no opset import)`);
  }
  const opsets = new Map<string, number>();
  for (const op of proto.opsetImport ?? []) {
    const domain = normDomain(op.domain ?? "");
    opsets.set(domain, int64ToNumber(op.version));
  }
  return {
    source,
    irVersion: int64ToNumber(proto.irVersion),
    producer: [proto.producerName, proto.producerVersion].filter(Boolean).join(" "),
    opsets,
    graph: decodeGraph(proto.graph, source),
  };
}

/** "ai.onnx" and "" are the same (default) domain. */
function normDomain(d: string): string {
  return d === "ai.onnx" ? "" : d;
}

function decodeGraph(g: GraphProto, source: string): OnnxModel["graph"] {
  if ((g.sparseInitializer?.length ?? 0) > 0) throw new UnsupportedOpError(`${source}: sparse initializers are not supported`);
  const initializers = new Map<string, Tensor>();
  for (const t of g.initializer ?? []) {
    const name = t.name ?? "";
    if (!name) throw new OnnxGraphError(`${source}: an initializer has no name`);
    if (initializers.has(name)) throw new OnnxGraphError(`${source}: initializer '${name}' is defined twice`);
    initializers.set(name, tensorFromProto(t, `initializer '${name}' of ${source}`));
  }
  // IR < 4 lists initializers among the inputs too: those are not runtime inputs.
  const inputs: OnnxValueInfo[] = [];
  const seen = new Set<string>();
  for (const v of g.input ?? []) {
    const name = v.name ?? "";
    if (!name) throw new OnnxGraphError(`${source}: a graph input has no name`);
    if (seen.has(name)) throw new OnnxGraphError(`${source}: graph input '${name}' is declared twice`);
    seen.add(name);
    if (!initializers.has(name)) inputs.push(valueInfoFromProto(v, `graph input of ${source}`));
  }
  const nodes = (g.node ?? []).map((n, i) => decodeNode(n, i, source));
  const external = new Set<string>([...inputs.map((v) => v.name), ...initializers.keys()]);
  const ordered = orderNodes(nodes, external, source);
  const defined = new Set(external);
  for (const n of nodes) for (const o of n.outputs) if (o) defined.add(o);
  const outputs = (g.output ?? []).map((v) => valueInfoFromProto(v, `graph output of ${source}`));
  for (const o of outputs) {
    if (!defined.has(o.name)) throw new OnnxGraphError(`${source}: graph output '${o.name}' is not defined`);
  }
  return { name: g.name ?? "", nodes: ordered, initializers, inputs, outputs };
}

function decodeNode(n: NodeProto, index: number, source: string): OnnxNode {
  const opType = n.opType ?? "";
  const shell: OnnxNode = {
    opType, domain: normDomain(n.domain ?? ""), name: n.name ?? "",
    inputs: [...(n.input ?? [])], outputs: [...(n.output ?? [])], attrs: {},
  };
  const where = `${source}: ${describeNode(shell, index)}`;
  if (!opType) throw new OnnxGraphError(`${where} has no op type`);
  const attrs: Record<string, AttrValue> = {};
  for (const a of n.attribute ?? []) {
    if (!a.name) throw new OnnxGraphError(`${where} has an attribute without a name`);
    attrs[a.name] = attrFromProto(a, where);
  }
  return { ...shell, attrs };
}
