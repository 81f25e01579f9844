// Static tensor types of ONNX values as linalg sees them: ranked, static shape, signless
// element type (ONNX's unsigned integers become signless; ops read signedness from the ONNX type).
import { FloatType, IntegerType, RankedTensorType, elementTypeOf, type Operation, type Type, type Value } from "@zkmlir/core";
import { loweringError } from "../errors.js";

/** The signless element type linalg uses for an ONNX element type (ui8 -> i8). */
export function signless(t: Type): Type {
  return t instanceof IntegerType && t.signedness !== "signless" ? IntegerType.get(t.width) : t;
}

export const isUnsigned = (t: Type): boolean => elementTypeOf(t) instanceof IntegerType && (elementTypeOf(t) as IntegerType).signedness === "unsigned";
export const isFloat = (t: Type): boolean => elementTypeOf(t) instanceof FloatType;
export const isBool = (t: Type): boolean => { const e = elementTypeOf(t); return e instanceof IntegerType && e.width === 1; };

/** The static ranked type of `v` with a signless element type; throws naming `op` otherwise. */
export function staticType(op: Operation, v: Value, what = "operand"): RankedTensorType {
  const t = v.type;
  if (!(t instanceof RankedTensorType)) throw loweringError(op, `${what} has type '${t.key}', a ranked tensor with a static shape is required (run shape inference first)`);
  if (!t.hasStaticShape) throw loweringError(op, `${what} has dynamic shape '${t.key}'; data-dependent or unknown shapes must be resolved before lowering`);
  return RankedTensorType.get(t.shape, signless(t.elementType));
}

/** The static signless type of result `i` of `op`. */
export const resultType = (op: Operation, i = 0): RankedTensorType => staticType(op, op.result(i), `result #${i}`);

export const withElement = (t: RankedTensorType, e: Type): RankedTensorType => RankedTensorType.get(t.shape, e);
export const withShape = (t: RankedTensorType, s: readonly number[]): RankedTensorType => RankedTensorType.get(s, t.elementType);

/** Normalizes a possibly negative axis against `rank`; throws naming `op` when out of range. */
export function normAxis(op: Operation, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw loweringError(op, `axis ${axis} is out of range for rank ${rank}`);
  return a;
}
