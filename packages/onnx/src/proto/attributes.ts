// AttributeProto -> plain attribute values (see Attrs in @zkmlir/onnx-dialect).
import type { AttrValue } from "@zkmlir/onnx-dialect";
import { OnnxDecodeError, UnsupportedOpError } from "../errors.js";
import { int64ToNumber } from "./long.js";
import { onnx, type AttributeProto } from "./onnx-proto.js";
import { tensorFromProto } from "./tensor-proto.js";

const T = onnx.AttributeProto.AttributeType;
const utf8 = new TextDecoder("utf-8");

/** Convert one attribute; `where` names the node for errors. */
export function attrFromProto(a: AttributeProto, where: string): AttrValue {
  const name = a.name ?? "";
  const at = `${where}, attribute '${name}'`;
  if (a.refAttrName) throw new UnsupportedOpError(`${at}: attribute references (function bodies) are not supported`);
  switch (a.type || inferType(a)) {
    case T.FLOAT: return a.f ?? 0;
    case T.INT: return int64ToNumber(a.i);
    case T.STRING: return utf8.decode(a.s ?? new Uint8Array());
    case T.TENSOR:
      if (!a.t) throw new OnnxDecodeError(`${at}: TENSOR attribute has no tensor`);
      return tensorFromProto(a.t, at);
    case T.FLOATS: return [...(a.floats ?? [])];
    case T.INTS: return (a.ints ?? []).map(int64ToNumber);
    case T.STRINGS: return (a.strings ?? []).map((s) => utf8.decode(s));
    case T.GRAPH: case T.GRAPHS:
      throw new UnsupportedOpError(`${at}: subgraphs (control flow) are not supported`);
    case T.SPARSE_TENSOR: case T.SPARSE_TENSORS:
      throw new UnsupportedOpError(`${at}: sparse tensors are not supported`);
    case T.TENSORS:
      throw new UnsupportedOpError(`${at}: TENSORS attributes are not supported`);
    case T.TYPE_PROTO: case T.TYPE_PROTOS:
      throw new UnsupportedOpError(`${at}: TYPE_PROTO attributes are not supported`);
    default:
      throw new OnnxDecodeError(`${at}: unknown attribute type ${a.type}`);
  }
}

/** Very old models leave `type` unset: infer it from the field that is filled. */
function inferType(a: AttributeProto): number {
  if (a.ints?.length) return T.INTS;
  if (a.floats?.length) return T.FLOATS;
  if (a.strings?.length) return T.STRINGS;
  if (a.t) return T.TENSOR;
  if (a.g || a.graphs?.length) return T.GRAPH;
  if (a.s?.length) return T.STRING;
  if (a.i !== undefined && a.i !== null && int64ToNumber(a.i) !== 0) return T.INT;
  if (a.f) return T.FLOAT;
  return T.UNDEFINED;
}
