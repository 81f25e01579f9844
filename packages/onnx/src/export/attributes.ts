// MLIR attributes of an onnx op -> AttributeProto, typed by the operator schema's attribute kind
// (an empty list needs the kind to be INTS or FLOATS). INT values are i64: written as Longs so
// 2^63-1 (Slice ends) survives.
import protobuf from "protobufjs";
import { ArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr, StringAttr, TypeAttr, type Attribute } from "@zkmlir/core";
import { getOpSchema, tensorOfDense, type AttrType } from "@zkmlir/onnx-dialect";
import { onnx, type AttributeProto } from "../proto/onnx-proto.js";
import { tensorToProto } from "../proto/tensor-proto.js";
import { OnnxExportError } from "./export-error.js";

const AT = onnx.AttributeProto.AttributeType;
const long = (v: bigint): protobuf.Long => {
  const bits = BigInt.asUintN(64, v);
  return new protobuf.util.LongBits(Number(bits & 0xffffffffn), Number(bits >> 32n)).toLong(false);
};
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function elements<T extends Attribute>(a: Attribute, cls: abstract new (...args: never[]) => T, where: string): T[] {
  if (!(a instanceof ArrayAttr) || !a.elements.every((e) => e instanceof cls)) throw new OnnxExportError(`${where}: expected a list of ${cls.name}`);
  return a.elements as T[];
}

/** One attribute of kind `kind` (the schema's). `where` names op and attribute in errors. */
export function attributeToProto(name: string, kind: AttrType, a: Attribute, where: string): AttributeProto {
  switch (kind) {
    case "int":
      if (!(a instanceof IntegerAttr)) break;
      return { name, type: AT.INT, i: long(a.value) };
    case "float":
      if (!(a instanceof FloatAttr)) break;
      return { name, type: AT.FLOAT, f: a.value };
    case "string":
      if (!(a instanceof StringAttr)) break;
      return { name, type: AT.STRING, s: text(a.value) };
    case "ints":
      return { name, type: AT.INTS, ints: elements(a, IntegerAttr, where).map((e) => long(e.value)) };
    case "floats":
      return { name, type: AT.FLOATS, floats: elements(a, FloatAttr, where).map((e) => e.value) };
    case "strings":
      return { name, type: AT.STRINGS, strings: elements(a, StringAttr, where).map((e) => text(e.value)) };
    case "tensor":
      if (!(a instanceof DenseElementsAttr)) break;
      return { name, type: AT.TENSOR, t: tensorToProto(tensorOfDense(a)) };
    default:
      throw new OnnxExportError(`${where}: attribute kind ${kind} is not supported by the exporter`);
  }
  throw new OnnxExportError(`${where}: ${a instanceof TypeAttr ? "type" : a.constructor.name} value does not fit attribute kind ${kind}`);
}

const SEGMENTS = new Set(["operandSegmentSizes", "resultSegmentSizes"]);

/** Every ONNX attribute an onnx op carries, as AttributeProtos. */
export function nodeAttributes(opType: string, props: ReadonlyMap<string, Attribute>, where: string): AttributeProto[] {
  const kinds = new Map(getOpSchema(opType)?.attributes.map((a) => [a.name, a.type]) ?? []);
  const out: AttributeProto[] = [];
  for (const [name, a] of props) {
    if (SEGMENTS.has(name)) continue;
    const kind = kinds.get(name);
    if (!kind) throw new OnnxExportError(`${where}: '${name}' is not an attribute of ${opType}`);
    out.push(attributeToProto(name, kind, a, `${where} attribute '${name}'`));
  }
  return out;
}
