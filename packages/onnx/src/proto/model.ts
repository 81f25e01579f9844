// The clean, typed graph model the front end works on: plain values, no protobuf objects.
import type { DType, Tensor } from "@zkmlir/core";
import type { Attrs } from "@zkmlir/onnx-dialect";

/** A dimension: a size, or a symbolic name ("batch_size"; "?" when the model leaves it unnamed). */
export type Dim = number | string;

export interface OnnxValueInfo {
  readonly name: string;
  readonly dtype: DType;
  /** undefined when the model gives no shape (unknown rank). */
  readonly dims: readonly Dim[] | undefined;
}

export interface OnnxNode {
  readonly opType: string;
  /** "" for the default domain (ai.onnx). */
  readonly domain: string;
  readonly name: string;
  /** Value names; "" marks an omitted optional input. */
  readonly inputs: readonly string[];
  /** Value names; "" marks an unused optional output. */
  readonly outputs: readonly string[];
  readonly attrs: Attrs;
}

export interface OnnxGraph {
  readonly name: string;
  /** In topological order. */
  readonly nodes: readonly OnnxNode[];
  readonly initializers: ReadonlyMap<string, Tensor>;
  /** Runtime inputs: graph inputs that are not initializers, in declaration order. */
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
}

export interface OnnxModel {
  /** Where the model came from (file path or "<bytes>"), used in error messages. */
  readonly source: string;
  readonly irVersion: number;
  readonly producer: string;
  /** Opset version per domain ("" = ai.onnx). */
  readonly opsets: ReadonlyMap<string, number>;
  readonly graph: OnnxGraph;
}

/** Human-readable name of node `index` for error messages: `node 3 "conv1" (Conv)`. */
export function describeNode(node: OnnxNode, index: number): string {
  return `node ${index}${node.name ? ` "${node.name}"` : ""} (${node.domain ? `${node.domain}.` : ""}${node.opType})`;
}
