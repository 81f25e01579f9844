// ONNX element types as MLIR element types (float -> f32, int64 -> i64, uint8 -> ui8, bool -> i1,
// ...), and the schema's type constraints as MLIR type constraints on tensor types.
import {
  FloatType, IntegerType, RankedTensorType, UnrankedTensorType, typeC, type DType, type Type, type TypeConstraint,
} from "@zkmlir/core";

const ELEMENT_TYPES: Readonly<Record<string, () => Type>> = {
  float: () => FloatType.get("f32"),
  double: () => FloatType.get("f64"),
  float16: () => FloatType.get("f16"),
  bfloat16: () => FloatType.get("bf16"),
  int8: () => IntegerType.get(8),
  int16: () => IntegerType.get(16),
  int32: () => IntegerType.get(32),
  int64: () => IntegerType.get(64),
  uint8: () => IntegerType.get(8, "unsigned"),
  uint16: () => IntegerType.get(16, "unsigned"),
  uint32: () => IntegerType.get(32, "unsigned"),
  uint64: () => IntegerType.get(64, "unsigned"),
  bool: () => IntegerType.get(1),
};

/**
 * The MLIR element type of an ONNX tensor type string ("tensor(float)" -> f32), or undefined for
 * types MLIR's builtin types cannot carry here (string, complex, float8, int4, seq, optional, map).
 */
export function elementTypeOfOnnxType(onnxType: string): Type | undefined {
  const m = /^tensor\(([a-z0-9]+)\)$/.exec(onnxType);
  return m ? ELEMENT_TYPES[m[1]!]?.() : undefined;
}

const OF_DTYPE: Readonly<Record<DType, () => Type>> = {
  f32: ELEMENT_TYPES.float!, f64: ELEMENT_TYPES.double!, i8: ELEMENT_TYPES.int8!, i16: ELEMENT_TYPES.int16!,
  i32: ELEMENT_TYPES.int32!, i64: ELEMENT_TYPES.int64!, u8: ELEMENT_TYPES.uint8!, i1: ELEMENT_TYPES.bool!,
};

/** The MLIR element type of a core Tensor dtype (u8 -> ui8, i1 -> i1 for ONNX bool). */
export function elementTypeOfDType(dtype: DType): Type {
  return OF_DTYPE[dtype]();
}

/** The element type of a tensor type (ranked or unranked), or undefined for other types. */
export function tensorElementType(t: Type): Type | undefined {
  return t instanceof RankedTensorType || t instanceof UnrankedTensorType ? t.elementType : undefined;
}

/** A tensor (ranked or unranked) whose element type is one of the ONNX types `onnxTypes`. */
export function tensorOfOnnxTypes(onnxTypes: readonly string[]): TypeConstraint {
  const allowed = new Set<Type>();
  for (const s of onnxTypes) {
    const t = elementTypeOfOnnxType(s);
    if (t) allowed.add(t);
  }
  const names = [...allowed].map((t) => t.key);
  const desc = names.length ? `tensor of ${names.join(" or ")} values` : `${onnxTypes.join(" or ")} (not representable)`;
  return typeC(desc, (t) => {
    const e = tensorElementType(t);
    return e !== undefined && allowed.has(e);
  });
}
