// ValueInfoProto -> OnnxValueInfo (element type and dims). Only dense tensors are supported.
import { UnsupportedDataTypeError } from "../errors.js";
import { dtypeOfDataType } from "./data-types.js";
import { int64ToSafeInt } from "./long.js";
import type { Dim, OnnxValueInfo } from "./model.js";
import type { ValueInfoProto } from "./onnx-proto.js";

export function valueInfoFromProto(v: ValueInfoProto, where: string): OnnxValueInfo {
  const name = v.name ?? "";
  const at = `${where} '${name}'`;
  const type = v.type;
  const tensor = type?.tensorType;
  if (!tensor) {
    const kind = type?.sequenceType ? "sequence" : type?.mapType ? "map" : type?.optionalType ? "optional"
      : type?.sparseTensorType ? "sparse tensor" : "unknown type";
    throw new UnsupportedDataTypeError(`unsupported data type ${kind} (${at})`);
  }
  const dtype = dtypeOfDataType(tensor.elemType ?? 0, at);
  const dims: Dim[] | undefined = tensor.shape
    ? (tensor.shape.dim ?? []).map((d, i): Dim => {
        if (d.dimParam) return d.dimParam;
        if (d.dimValue !== undefined && d.dimValue !== null) {
          return int64ToSafeInt(d.dimValue, `${at}: dimension ${i}`);
        }
        return "?";
      })
    : undefined;
  return { name, dtype, dims };
}
