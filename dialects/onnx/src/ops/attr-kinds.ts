// ONNX attribute kinds as MLIR attributes: INT -> i64 IntegerAttr, FLOAT -> f32 FloatAttr,
// STRING -> StringAttr, INTS/FLOATS/STRINGS -> ArrayAttr, TENSOR -> DenseElementsAttr.
// Also the conversion both ways between plain kernel Attrs and MLIR attributes.
import {
  ArrayAttr, ArrayOf, AnyAttr, DenseElementsAttr, ElementsAttrC, FloatAttr, FloatType, I64Attr, IntegerAttr, IntegerType,
  RankedTensorType, StringAttr, StringAttrC, Tensor, TypeAttrC, attrC, dtypeOf, type Attribute, type AttrConstraint,
} from "@zkmlir/core";
import type { AttrType } from "../schema/types.js";
import type { AttrValue } from "../kernels/types.js";
import { elementTypeOfDType } from "./element-types.js";

/** Bad attribute value for its declared kind (names the attribute). */
export class OnnxAttrError extends Error {
  override name = "OnnxAttrError";
}

const F32Attr = attrC("32-bit float attribute", (a) => a instanceof FloatAttr && a.type.kind === "f32");

/** The constraint an attribute of ONNX kind `kind` must satisfy. */
export function constraintOfKind(kind: AttrType): AttrConstraint {
  switch (kind) {
    case "int": return I64Attr;
    case "float": return F32Attr;
    case "string": return StringAttrC;
    case "ints": return ArrayOf(I64Attr);
    case "floats": return ArrayOf(F32Attr);
    case "strings": return ArrayOf(StringAttrC);
    case "tensor": return ElementsAttrC;
    case "tensors": return ArrayOf(ElementsAttrC);
    case "type_proto": return TypeAttrC;
    case "type_protos": return ArrayOf(TypeAttrC);
    default: return AnyAttr; // sparse tensors: declared, never produced by the importer
  }
}

/** A constraint that also restricts a string attribute to enumerated values. */
export function enumConstraint(cases: readonly string[]): AttrConstraint {
  const allowed = new Set(cases);
  return attrC(`string attribute, one of ${cases.map((c) => JSON.stringify(c)).join(", ")}`, (a) => a instanceof StringAttr && allowed.has(a.value));
}

const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);
const i64Attr = (v: number | bigint): IntegerAttr => {
  // Plain attrs hold INT as JS numbers; 2^63-1 arrives rounded to 2^63 and is clamped back.
  let b = typeof v === "bigint" ? v : BigInt(Math.trunc(v));
  if (b > I64_MAX) b = I64_MAX;
  if (b < I64_MIN) b = I64_MIN;
  return new IntegerAttr(b, IntegerType.get(64));
};
const f32Attr = (v: number): FloatAttr => FloatAttr.get(v, FloatType.get("f32"));

/** A DenseElementsAttr that shares the tensor's typed array (no copy). */
export function denseOfTensor(t: Tensor): DenseElementsAttr {
  return new DenseElementsAttr(RankedTensorType.get(t.shape, elementTypeOfDType(t.dtype)), t.data, false);
}

/** A Tensor over a dense attribute's data (shared unless the attribute is a splat). */
export function tensorOfDense(a: DenseElementsAttr): Tensor {
  const dt = dtypeOf(a.elementType);
  if (!dt) throw new OnnxAttrError(`unsupported element type ${a.elementType.key} in ${a.type.key}`);
  return new Tensor(dt, a.type.shape, a.values());
}

/** The MLIR attribute of a plain ONNX attribute value of kind `kind`; `where` names it in errors. */
export function attrOfPlain(kind: AttrType, v: AttrValue, where: string): Attribute {
  const bad = (): never => { throw new OnnxAttrError(`attribute ${where} of kind ${kind} has a ${Array.isArray(v) ? "list" : typeof v} value`); };
  const nums = (): number[] => (Array.isArray(v) && v.every((x) => typeof x === "number") ? (v as number[]) : bad());
  switch (kind) {
    case "int": return typeof v === "number" ? i64Attr(v) : bad();
    case "float": return typeof v === "number" ? f32Attr(v) : bad();
    case "string": return typeof v === "string" ? new StringAttr(v) : bad();
    case "ints": return new ArrayAttr(nums().map(i64Attr));
    case "floats": return new ArrayAttr(nums().map(f32Attr));
    case "strings": return Array.isArray(v) && v.every((x) => typeof x === "string") ? new ArrayAttr((v as string[]).map((s) => new StringAttr(s))) : bad();
    case "tensor": return v instanceof Tensor ? denseOfTensor(v) : bad();
    default: throw new OnnxAttrError(`attribute ${where}: kind ${kind} is not supported`);
  }
}

/** The plain value kernels take for an MLIR attribute; `where` names it in errors. */
export function plainOfAttr(a: Attribute, where: string): AttrValue {
  if (a instanceof IntegerAttr) return Number(a.value);
  if (a instanceof FloatAttr) return a.value;
  if (a instanceof StringAttr) return a.value;
  if (a instanceof DenseElementsAttr) return tensorOfDense(a);
  if (a instanceof ArrayAttr) {
    if (a.elements.every((e) => e instanceof StringAttr)) return a.elements.map((e) => (e as StringAttr).value);
    if (a.elements.every((e) => e instanceof IntegerAttr || e instanceof FloatAttr)) {
      return a.elements.map((e) => (e instanceof IntegerAttr ? Number(e.value) : (e as FloatAttr).value));
    }
  }
  throw new OnnxAttrError(`attribute ${where}: ${a.constructor.name} has no ONNX value`);
}

/** The declared default of a schema attribute as an MLIR attribute (undefined when none). */
export function defaultAttr(kind: AttrType, value: number | string | readonly number[] | readonly string[] | undefined, where: string): Attribute | undefined {
  if (value === undefined) return undefined;
  return attrOfPlain(kind, (Array.isArray(value) ? value.slice() : value) as AttrValue, where);
}
