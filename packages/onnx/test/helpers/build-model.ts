// Builds small ModelProto byte strings for tests (valid and deliberately broken graphs).
import { Tensor } from "@zkmlir/core";
import { tensorToProto, dataTypeOfDtype } from "../../src/index.js";
import { onnx, type AttributeProto, type ModelProto, type ValueInfoProto } from "../../src/proto/onnx-proto.js";

export interface TestNode {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  domain?: string;
  /** Arrays are INTS; wrap as { floats } for FLOATS. */
  attrs?: Record<string, number | number[] | string | Tensor | { floats: number[] }>;
}

export interface TestGraph {
  nodes: TestNode[];
  inputs: { name: string; dims: (number | string)[]; elemType?: number }[];
  outputs: { name: string; dims: (number | string)[]; elemType?: number }[];
  initializers?: Record<string, Tensor>;
  opset?: number;
  irVersion?: number;
}

const AT = onnx.AttributeProto.AttributeType;

function attr(name: string, v: number | number[] | string | Tensor | { floats: number[] }): AttributeProto {
  if (!(v instanceof Tensor) && typeof v === "object" && !Array.isArray(v)) return { name, type: AT.FLOATS, floats: v.floats };
  if (v instanceof Tensor) return { name, type: AT.TENSOR, t: tensorToProto(v) };
  if (typeof v === "string") return { name, type: AT.STRING, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) return { name, type: AT.INTS, ints: v };
  return Number.isInteger(v) ? { name, type: AT.INT, i: v } : { name, type: AT.FLOAT, f: v };
}

function valueInfo(v: { name: string; dims: (number | string)[]; elemType?: number }): ValueInfoProto {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: v.elemType ?? dataTypeOfDtype("f32"),
        shape: { dim: v.dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export function buildModel(g: TestGraph): Uint8Array {
  const model: ModelProto = {
    irVersion: g.irVersion ?? 8,
    opsetImport: [{ domain: "", version: g.opset ?? 18 }],
    graph: {
      name: "test",
      node: g.nodes.map((n) => ({
        opType: n.op, input: n.inputs, output: n.outputs, name: n.name ?? "", domain: n.domain ?? "",
        attribute: Object.entries(n.attrs ?? {}).map(([k, v]) => attr(k, v)),
      })),
      initializer: Object.entries(g.initializers ?? {}).map(([k, t]) => tensorToProto(t, k)),
      input: g.inputs.map(valueInfo),
      output: g.outputs.map(valueInfo),
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}
