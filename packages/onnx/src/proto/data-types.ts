// ONNX TensorProto.DataType: the one table of which element types zkmlir supports.
// onnx-proto only knows types up to BFLOAT16 (16); later ones arrive as bare numbers, named here.
import type { DType } from "@zkmlir/core";
import { UnsupportedDataTypeError } from "../errors.js";

interface DataTypeInfo {
  readonly name: string;
  /** zkmlir element type, or undefined when the type is refused. */
  readonly dtype?: DType;
}

const DATA_TYPES: Readonly<Record<number, DataTypeInfo>> = {
  0: { name: "undefined" },
  1: { name: "float32", dtype: "f32" },
  2: { name: "uint8", dtype: "u8" },
  3: { name: "int8", dtype: "i8" },
  4: { name: "uint16" },
  5: { name: "int16", dtype: "i16" },
  6: { name: "int32", dtype: "i32" },
  7: { name: "int64", dtype: "i64" },
  8: { name: "string" },
  9: { name: "bool", dtype: "i1" },
  10: { name: "float16" },
  11: { name: "float64", dtype: "f64" },
  12: { name: "uint32" },
  13: { name: "uint64" },
  14: { name: "complex64" },
  15: { name: "complex128" },
  16: { name: "bfloat16" },
  17: { name: "float8e4m3fn" },
  18: { name: "float8e4m3fnuz" },
  19: { name: "float8e5m2" },
  20: { name: "float8e5m2fnuz" },
  21: { name: "uint4" },
  22: { name: "int4" },
  23: { name: "float4e2m1" },
  24: { name: "float8e8m0" },
  25: { name: "uint2" },
  26: { name: "int2" },
};

/** ONNX name of a data type number ("float16", "int64", "data type 99" when unknown). */
export function dataTypeName(code: number): string {
  return DATA_TYPES[code]?.name ?? `data type ${code}`;
}

/** zkmlir dtype of an ONNX data type number; throws UnsupportedDataTypeError naming `where`. */
export function dtypeOfDataType(code: number, where: string): DType {
  const dtype = DATA_TYPES[code]?.dtype;
  if (dtype === undefined) throw new UnsupportedDataTypeError(`unsupported data type ${dataTypeName(code)} (${where})`);
  return dtype;
}

const CODE_OF_DTYPE: Readonly<Record<DType, number>> = { f32: 1, u8: 2, i8: 3, i16: 5, i32: 6, i64: 7, i1: 9, f64: 11 };

/** ONNX data type number of a zkmlir dtype. */
export function dataTypeOfDtype(dtype: DType): number {
  return CODE_OF_DTYPE[dtype];
}

/** Bytes per element of a supported dtype in raw_data. */
export function dtypeByteSize(dtype: DType): number {
  switch (dtype) {
    case "f64": case "i64": return 8;
    case "f32": case "i32": return 4;
    case "i16": return 2;
    case "i8": case "u8": case "i1": return 1;
  }
}
