// Shape of one generated operator schema (see tools/gen-schema.mjs). Field names follow ONNX.

export type AttrType =
  | "int" | "float" | "string" | "tensor" | "graph" | "sparse_tensor" | "type_proto"
  | "ints" | "floats" | "strings" | "tensors" | "graphs" | "sparse_tensors" | "type_protos";

export interface AttrSchema {
  readonly name: string;
  readonly type: AttrType;
  readonly required: boolean;
  /** Default as documented (numbers for int/float, arrays for lists); absent when none. */
  readonly default?: number | string | readonly number[] | readonly string[];
}

export interface ValueSchema {
  readonly name: string;
  readonly optional: boolean;
  readonly variadic: boolean;
  /** Variadic values may differ in type. */
  readonly heterogeneous: boolean;
  /** A type-constraint name ("T") or a concrete type ("tensor(int64)"). */
  readonly type: string;
}

export interface TypeConstraintSchema {
  readonly name: string;
  /** Allowed types, e.g. "tensor(float)", "seq(tensor(int64))". */
  readonly types: readonly string[];
}

export interface OpSchema {
  readonly name: string;
  /** "ai.onnx" for the default domain. */
  readonly domain: string;
  /** Version of the current definition. */
  readonly since_version: number;
  readonly deprecated: boolean;
  /** Every version of the op (Changelog.md), ascending; the last is since_version. */
  readonly versions: readonly number[];
  readonly attributes: readonly AttrSchema[];
  readonly inputs: readonly ValueSchema[];
  readonly outputs: readonly ValueSchema[];
  readonly min_inputs: number;
  /** -1 for unbounded (variadic). */
  readonly max_inputs: number;
  readonly min_outputs: number;
  readonly max_outputs: number;
  readonly type_constraints: readonly TypeConstraintSchema[];
}
