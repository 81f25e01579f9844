// Type-safe value replacement and small IR queries shared by the onnx patterns.
import {
  ArrayAttr, IntegerAttr, IntegerType, RankedTensorType, UnrankedTensorType, type Operation, type Type, type Value,
} from "@zkmlir/core";
import { constantDenseValue, onnxPositions, tensorOfDense } from "@zkmlir/onnx-dialect";

/** `to` is `from` with possibly more known dims (same element type, same rank when ranked). */
export function refines(to: Type, from: Type): boolean {
  if (to === from) return true;
  if (!(to instanceof RankedTensorType)) return false;
  if (from instanceof UnrankedTensorType) return from.elementType === to.elementType;
  if (!(from instanceof RankedTensorType) || from.elementType !== to.elementType || from.rank !== to.rank) return false;
  return from.shape.every((d, i) => d === -1 || d === to.shape[i]);
}

/**
 * Whether every use of `from` may take `to` instead: same type, or a refined type when all users
 * are onnx ops (they accept any shape; func.return must keep the function's declared type).
 */
export function canReplace(from: Value, to: Value): boolean {
  return canRetype(from, to.type);
}

/** Whether `from` may be replaced by a value of type `type` (see canReplace). */
export function canRetype(from: Value, type: Type): boolean {
  if (from.type === type) return true;
  return refines(type, from.type) && from.uses.every((u) => u.owner.name.startsWith("onnx."));
}

/** An integer attribute's value, or `dflt`. */
export function intAttr(op: Operation, name: string, dflt: number): number {
  const a = op.getAttr(name);
  return a instanceof IntegerAttr ? Number(a.value) : dflt;
}

/** The operand at ONNX input position `i`, if given. */
export function onnxInput(op: Operation, i: number): Value | undefined {
  const k = onnxPositions(op, "operands")[i] ?? -1;
  return k < 0 ? undefined : op.operand(k);
}

/** Integer values of an onnx.Constant-defined value (axes, shapes), else undefined. */
export function constantInts(v: Value | undefined): number[] | undefined {
  const def = v?.definingOp;
  if (def?.name !== "onnx.Constant") return undefined;
  const d = constantDenseValue(def);
  if (!d || !(d.elementType instanceof IntegerType)) return undefined;
  const t = tensorOfDense(d);
  return Array.from({ length: t.size }, (_, k) => t.getNumber(k));
}

/** An i64 list attribute (`perm`, `axes`) as numbers. */
export function intListAttr(op: Operation, name: string): number[] | undefined {
  const a = op.getAttr(name);
  if (!(a instanceof ArrayAttr) || !a.elements.every((e) => e instanceof IntegerAttr)) return undefined;
  return a.elements.map((e) => Number((e as IntegerAttr).value));
}

export const i64List = (xs: readonly number[]): ArrayAttr => new ArrayAttr(xs.map((x) => new IntegerAttr(BigInt(x), IntegerType.get(64))));

export const rankOf = (v: Value): number | undefined => (v.type instanceof RankedTensorType ? v.type.rank : undefined);
