// Scalar arith ops as upstream's linalg region builders emit them (RegionBuilderHelper):
// type conversions (TypeFn cast_signed / cast_unsigned) and the binary functions of named ops.
import { FloatType, IntegerType, IndexType, type Builder, type Type, type Value } from "@zkmlir/core";

export class BodyBuildError extends Error {
  override name = "BodyBuildError";
}

export function emit(b: Builder, name: string, operands: readonly Value[], resultType: Type): Value {
  return b.create({ name, operands, resultTypes: [resultType] }).result(0);
}

const width = (t: Type) => (t instanceof FloatType ? t.width : t instanceof IntegerType ? t.width : 64);

/** Converts `v` to `to` as linalg's TypeFn does (sign- or zero-extending integers). */
export function castScalar(b: Builder, v: Value, to: Type, unsigned: boolean): Value {
  const from = v.type;
  if (from === to) return v;
  const fi = from instanceof IntegerType, ti = to instanceof IntegerType;
  const ff = from instanceof FloatType, tf = to instanceof FloatType;
  if (fi && ti) {
    if (width(to) > width(from)) return emit(b, unsigned ? "arith.extui" : "arith.extsi", [v], to);
    return emit(b, "arith.trunci", [v], to);
  }
  if (fi && tf) return emit(b, unsigned ? "arith.uitofp" : "arith.sitofp", [v], to);
  if (ff && tf) return emit(b, width(to) > width(from) ? "arith.extf" : "arith.truncf", [v], to);
  if (ff && ti) return emit(b, unsigned ? "arith.fptoui" : "arith.fptosi", [v], to);
  if ((from instanceof IndexType && ti) || (fi && to instanceof IndexType)) return emit(b, unsigned ? "arith.index_castui" : "arith.index_cast", [v], to);
  throw new BodyBuildError(`cannot convert '${from.key}' to '${to.key}' in a linalg body`);
}

const isBool = (t: Type) => t instanceof IntegerType && t.width === 1;

/** `x + y` of linalg's BinaryFn::add (ori on i1). */
export function addScalar(b: Builder, x: Value, y: Value): Value {
  const t = x.type;
  if (t instanceof FloatType) return emit(b, "arith.addf", [x, y], t);
  return emit(b, isBool(t) ? "arith.ori" : "arith.addi", [x, y], t);
}

/** `x * y` of BinaryFn::mul (andi on i1). */
export function mulScalar(b: Builder, x: Value, y: Value): Value {
  const t = x.type;
  if (t instanceof FloatType) return emit(b, "arith.mulf", [x, y], t);
  return emit(b, isBool(t) ? "arith.andi" : "arith.muli", [x, y], t);
}

/** BinaryFn::max_signed: maximumf on floats, maxsi on integers. */
export function maxScalar(b: Builder, x: Value, y: Value): Value {
  const t = x.type;
  return emit(b, t instanceof FloatType ? "arith.maximumf" : "arith.maxsi", [x, y], t);
}
