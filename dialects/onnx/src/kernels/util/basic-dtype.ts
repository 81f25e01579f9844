import type { DType } from "@zkmlir/core";
import { KernelError } from "../types.js";

/** TensorProto.DataType numbers of the dtypes zkmlir represents. */
const ONNX_TO_DTYPE: Readonly<Record<number, DType>> = {
  1: "f32", 2: "u8", 3: "i8", 5: "i16", 6: "i32", 7: "i64", 9: "i1", 11: "f64",
};

const ONNX_TYPE_NAMES: Readonly<Record<number, string>> = {
  4: "uint16", 8: "string", 10: "float16", 12: "uint32", 13: "uint64", 14: "complex64", 15: "complex128",
  16: "bfloat16", 17: "float8e4m3fn", 18: "float8e4m3fnuz", 19: "float8e5m2", 20: "float8e5m2fnuz",
  21: "uint4", 22: "int4", 23: "float4e2m1", 24: "float8e8m0", 25: "uint2", 26: "int2",
};

/** The DType for an ONNX data type number, or an "unsupported data type" KernelError. */
export function dtypeFromOnnx(code: number, op: string, what: string): DType {
  const d = ONNX_TO_DTYPE[code];
  if (!d) throw new KernelError(`unsupported data type ${ONNX_TYPE_NAMES[code] ?? code} for ${what} of ${op}`);
  return d;
}
