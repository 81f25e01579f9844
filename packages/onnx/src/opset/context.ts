// What a rewrite rule may use: fresh names, new constant initializers, constant lookup, use queries.
import { Tensor } from "@zkmlir/core";
import type { AttrValue, Attrs } from "@zkmlir/onnx-dialect";
import type { OnnxNode } from "../proto/model.js";

export interface RewriteContext {
  /** The model's default-domain opset. */
  readonly opset: number;
  /** `model.onnx: node 3 (Softmax)`, for errors. */
  readonly where: string;
  /** A value name not used anywhere in the graph. */
  fresh(hint: string): string;
  /** Add a constant initializer; returns its name. */
  constant(t: Tensor, hint: string): string;
  /** The value of an initializer or Constant-node output, if known statically. */
  constantValue(name: string): Tensor | undefined;
  /** Whether a value is consumed by a node or is a graph output. */
  isUsed(name: string): boolean;
}

/** A rule rewrites one node (of the opset in effect) into its canonical, current-version form. */
export type Rewrite = (node: OnnxNode, ctx: RewriteContext) => OnnxNode[];

const I64_MAX = 2n ** 63n - 1n;
const I64_MIN = -(2n ** 63n);

/** A 1-D int64 tensor from attribute numbers; clamps ±9.22e18 (rounded INT64 limits) into range. */
export function i64Vector(values: readonly number[]): Tensor {
  return Tensor.fromArray("i64", [values.length], values.map((v) => {
    const b = BigInt(Math.trunc(v));
    return b > I64_MAX ? I64_MAX : b < I64_MIN ? I64_MIN : b;
  }));
}

/** Attributes without the given names. */
export function withoutAttrs(attrs: Attrs, names: readonly string[]): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && !names.includes(k)) out[k] = v;
  return out;
}

/** Inputs with `name` placed at `index`, padding omitted optional inputs with "". */
export function withInput(inputs: readonly string[], index: number, name: string): string[] {
  const out = [...inputs];
  while (out.length < index) out.push("");
  out[index] = name;
  return out;
}

/** A node of the default domain. */
export function makeNode(opType: string, inputs: string[], outputs: string[], attrs: Record<string, AttrValue> = {}, name = ""): OnnxNode {
  return { opType, domain: "", name, inputs, outputs, attrs };
}
