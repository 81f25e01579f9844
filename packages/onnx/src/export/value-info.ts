// MLIR tensor types -> ValueInfoProto: element type by ONNX data type number, known dims as
// dim_value, dynamic dims as empty dimensions (unknown), unranked tensors without a shape.
import { RankedTensorType, UnrankedTensorType, dtypeOf, type Type } from "@zkmlir/core";
import type { ValueInfoProto } from "../proto/onnx-proto.js";
import { dataTypeOfDtype } from "../proto/data-types.js";
import { OnnxExportError } from "./export-error.js";

export function valueInfoOf(name: string, type: Type, where: string): ValueInfoProto {
  if (!(type instanceof RankedTensorType || type instanceof UnrankedTensorType)) throw new OnnxExportError(`${where}: type ${type.key} is not a tensor`);
  const dtype = dtypeOf(type.elementType);
  if (!dtype) throw new OnnxExportError(`${where}: element type ${type.elementType.key} has no ONNX data type`);
  const shape = type instanceof RankedTensorType ? { dim: type.shape.map((d) => (d < 0 ? {} : { dimValue: d })) } : undefined;
  return { name, type: { tensorType: { elemType: dataTypeOfDtype(dtype), ...(shape ? { shape } : {}) } } };
}
