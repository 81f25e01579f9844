// TensorProto <-> Tensor. raw_data is little-endian and may sit at any offset inside the file
// buffer, so it is copied before being viewed as a typed array (typed views need alignment).
import { Tensor, type DType, type TypedData } from "@zkmlir/core";
import { OnnxDecodeError, UnsupportedDataTypeError } from "../errors.js";
import { dataTypeOfDtype, dtypeByteSize, dtypeOfDataType } from "./data-types.js";
import { int64ToBigInt, int64ToSafeInt } from "./long.js";
import { onnx, type TensorProto } from "./onnx-proto.js";
import { looksLikeSequenceOrOptional } from "./value-kind-probe.js";

/** Convert a decoded TensorProto; `where` names it in errors (e.g. "initializer 'W' of model.onnx"). */
export function tensorFromProto(tp: TensorProto, where: string): Tensor {
  const dtype = dtypeOfDataType(tp.dataType ?? 0, where);
  if (tp.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL || (tp.externalData?.length ?? 0) > 0) {
    throw new OnnxDecodeError(`${where}: external tensor data is not supported`);
  }
  if (tp.segment) throw new OnnxDecodeError(`${where}: segmented tensors are not supported`);
  const shape = (tp.dims ?? []).map((d, i) => int64ToSafeInt(d, `${where}: dimension ${i}`));
  const n = shape.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(n) || n > 2 ** 31) throw new OnnxDecodeError(`${where}: shape [${shape.join(", ")}] is too large`);
  const raw = tp.rawData;
  const data = raw && raw.length > 0 ? fromRaw(dtype, raw, n, where) : fromFields(dtype, tp, n, where);
  return new Tensor(dtype, shape, data);
}

function fromRaw(dtype: DType, raw: Uint8Array, n: number, where: string): TypedData {
  const size = dtypeByteSize(dtype);
  if (raw.length !== n * size) {
    throw new OnnxDecodeError(`${where}: raw_data has ${raw.length} bytes, ${dtype} shape needs ${n * size}`);
  }
  const buf = new Uint8Array(raw).buffer; // aligned private copy
  switch (dtype) {
    case "f32": return new Float32Array(buf);
    case "f64": return new Float64Array(buf);
    case "i8": return new Int8Array(buf);
    case "i16": return new Int16Array(buf);
    case "i32": return new Int32Array(buf);
    case "i64": return new BigInt64Array(buf);
    case "u8": return new Uint8Array(buf);
    case "i1": return new Uint8Array(buf).map((b) => (b !== 0 ? 1 : 0));
  }
}

function fromFields(dtype: DType, tp: TensorProto, n: number, where: string): TypedData {
  const values = fieldOf(dtype, tp);
  if (values.length !== n) {
    throw new OnnxDecodeError(`${where}: has ${values.length} ${dtype} values, shape needs ${n}`);
  }
  switch (dtype) {
    case "f32": return Float32Array.from(values as number[]);
    case "f64": return Float64Array.from(values as number[]);
    case "i8": return Int8Array.from(values as number[]);
    case "i16": return Int16Array.from(values as number[]);
    case "i32": return Int32Array.from(values as number[]);
    case "i64": return BigInt64Array.from(values as Parameters<typeof int64ToBigInt>[0][], int64ToBigInt);
    case "u8": return Uint8Array.from(values as number[]);
    case "i1": return Uint8Array.from(values as number[], (v) => (v !== 0 ? 1 : 0));
  }
}

/** The typed repeated field ONNX uses for a dtype when raw_data is absent. */
function fieldOf(dtype: DType, tp: TensorProto): readonly unknown[] {
  switch (dtype) {
    case "f32": return tp.floatData ?? [];
    case "f64": return tp.doubleData ?? [];
    case "i64": return tp.int64Data ?? [];
    default: return tp.int32Data ?? [];
  }
}

/** Decode a serialized TensorProto (a `.pb` test file). */
export function decodeTensor(bytes: Uint8Array, where: string): Tensor {
  let tp: TensorProto;
  try {
    tp = onnx.TensorProto.decode(bytes);
  } catch (e) {
    if (looksLikeSequenceOrOptional(bytes)) throw sequenceError(where);
    throw new OnnxDecodeError(`${where}: not a valid TensorProto (${(e as Error).message})`);
  }
  try {
    if (tp.segment) throw new OnnxDecodeError(`${where}: segmented tensors are not supported`);
    return tensorFromProto(tp, where);
  } catch (e) {
    // A SequenceProto/OptionalProto read as a TensorProto: its name lands in dims, its values in segment.
    if (e instanceof OnnxDecodeError && looksLikeSequenceOrOptional(bytes)) throw sequenceError(where);
    throw e;
  }
}

function sequenceError(where: string): UnsupportedDataTypeError {
  return new UnsupportedDataTypeError(`unsupported data type sequence or optional (${where}: not a single tensor)`);
}

/** A TensorProto (raw_data form) holding `t`. */
export function tensorToProto(t: Tensor, name = ""): TensorProto {
  const bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength).slice();
  return { name, dataType: dataTypeOfDtype(t.dtype), dims: [...t.shape], rawData: bytes };
}

/** Serialize `t` as a TensorProto. */
export function encodeTensor(t: Tensor, name = ""): Uint8Array {
  return onnx.TensorProto.encode(onnx.TensorProto.create(tensorToProto(t, name))).finish();
}
