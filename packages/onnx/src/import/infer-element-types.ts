// Element types of node outputs, from the schema: a type variable takes the element type of an
// input it constrains; concrete types ("tensor(int64)") and single-type constraints are fixed;
// the few operators whose output type is an attribute (Cast.to, dtype, ...) are listed here.
import { Tensor, type Type } from "@zkmlir/core";
import {
  elementTypeOfDType, elementTypeOfOnnxType, getOpSchema, type AttrValue, type OpSchema,
} from "@zkmlir/onnx-dialect";
import { UnsupportedOpError } from "../errors.js";
import { dtypeOfDataType } from "../proto/data-types.js";
import type { OnnxNode } from "../proto/model.js";

/** Output type from an attribute holding an ONNX data type code; `dflt` when the attribute is absent. */
type AttrRule = { attr: string; dflt?: number };
const DTYPE_ATTR: Readonly<Record<string, AttrRule>> = {
  Cast: { attr: "to" },
  BitCast: { attr: "to" },
  Bernoulli: { attr: "dtype" },
  EyeLike: { attr: "dtype" },
  RandomNormalLike: { attr: "dtype" },
  RandomUniformLike: { attr: "dtype" },
  RandomNormal: { attr: "dtype", dflt: 1 },
  RandomUniform: { attr: "dtype", dflt: 1 },
  Multinomial: { attr: "dtype", dflt: 6 },
  BlackmanWindow: { attr: "output_datatype", dflt: 1 },
  HammingWindow: { attr: "output_datatype", dflt: 1 },
  HannWindow: { attr: "output_datatype", dflt: 1 },
  MelWeightMatrix: { attr: "output_datatype", dflt: 1 },
  DequantizeLinear: { attr: "output_dtype" },
  QuantizeLinear: { attr: "output_dtype" },
  LayerNormalization: { attr: "stash_type", dflt: 1 },
};
/** Where a rule's attribute is absent, the output takes this input's element type instead. */
const FALLBACK_INPUT: Readonly<Record<string, number>> = {
  Bernoulli: 0, EyeLike: 0, RandomNormalLike: 0, RandomUniformLike: 0, DequantizeLinear: 1, QuantizeLinear: 2,
};

function tensorAttrType(v: AttrValue | undefined): Type | undefined {
  return v instanceof Tensor ? elementTypeOfDType(v.dtype) : undefined;
}

/** The element type an attribute-typed output has, or undefined when no rule applies. */
function attributeType(node: OnnxNode, outIndex: number, inputTypes: readonly (Type | undefined)[], where: string): Type | undefined {
  const a = node.attrs;
  if (node.opType === "Constant") {
    if (a.value !== undefined) return tensorAttrType(a.value);
    if (a.value_float !== undefined || a.value_floats !== undefined) return elementTypeOfDType("f32");
    if (a.value_int !== undefined || a.value_ints !== undefined) return elementTypeOfDType("i64");
    return undefined;
  }
  if (node.opType === "ConstantOfShape") return a.value !== undefined ? tensorAttrType(a.value) : elementTypeOfDType("f32");
  const rule = DTYPE_ATTR[node.opType];
  // LayerNormalization's stash type types only its Mean and InvStdDev outputs.
  if (!rule || (node.opType === "LayerNormalization" && outIndex === 0)) return undefined;
  const code = a[rule.attr];
  if (typeof code === "number" && !(node.opType === "QuantizeLinear" && code === 0) && !(node.opType === "DequantizeLinear" && code === 0)) {
    return elementTypeOfDType(dtypeOfDataType(code, `${where} attribute '${rule.attr}'`));
  }
  const fb = FALLBACK_INPUT[node.opType];
  if (fb !== undefined) return inputTypes[fb] ?? (node.opType === "QuantizeLinear" ? elementTypeOfDType("u8") : undefined);
  return rule.dflt !== undefined ? elementTypeOfDType(dtypeOfDataType(rule.dflt, where)) : undefined;
}

/** Schema value of ONNX position `i` (the trailing variadic covers the rest). */
function valueAt<T extends { variadic: boolean }>(values: readonly T[], i: number): T | undefined {
  const last = values[values.length - 1];
  return i < values.length ? values[i] : last?.variadic ? last : undefined;
}

/**
 * Element types of a node's outputs (undefined for omitted outputs) given its inputs' element
 * types. Throws UnsupportedOpError naming `where` when an output's type cannot be determined.
 */
export function inferOutputElementTypes(node: OnnxNode, inputTypes: readonly (Type | undefined)[], where: string): (Type | undefined)[] {
  const schema: OpSchema | undefined = getOpSchema(node.opType);
  if (!schema) throw new UnsupportedOpError(`unsupported op ${node.opType}: not an ONNX operator (${where})`);
  const vars = new Map<string, Type>();
  inputTypes.forEach((t, i) => {
    const v = valueAt(schema.inputs, i);
    if (t && v && !v.heterogeneous && !vars.has(v.type)) vars.set(v.type, t);
  });
  const allowed = new Map(schema.type_constraints.map((c) => [c.name, c.types]));
  return node.outputs.map((name, i) => {
    if (name === "") return undefined;
    const v = valueAt(schema.outputs, i);
    if (!v) throw new UnsupportedOpError(`${where}: output #${i} '${name}' is beyond the ${schema.outputs.length} outputs of ${node.opType}`);
    const fromAttr = attributeType(node, i, inputTypes, where);
    if (fromAttr) return fromAttr;
    const fixed = elementTypeOfOnnxType(v.type);
    if (fixed) return fixed;
    const bound = vars.get(v.type);
    if (bound) return bound;
    const options = (allowed.get(v.type) ?? []).map(elementTypeOfOnnxType).filter((t): t is Type => t !== undefined);
    if (options.length === 1) return options[0]!;
    throw new UnsupportedOpError(`unsupported op ${node.opType}: cannot determine the element type of output '${name}' (${where})`);
  });
}
