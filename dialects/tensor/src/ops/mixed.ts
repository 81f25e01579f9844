// Mixed static/dynamic integer lists (offsets, sizes, strides, padding) stored as upstream does:
// a DenseI64ArrayAttr `static_*` where dynamic entries hold ShapedType::kDynamic (INT64_MIN) and
// take their values, in order, from an index operand group.
import { DenseArrayAttr, IntegerType, type Operation, type OpDef } from "@zkmlir/core";

/** ShapedType::kDynamic (-2^63, exact as a double). */
export const DYNAMIC_I64 = -(2 ** 63);

export const i64Array = (vs: readonly number[]): DenseArrayAttr => new DenseArrayAttr(IntegerType.get(64), vs);

export function staticValues(op: Operation, name: string): readonly number[] {
  const a = op.getAttr(name);
  return a instanceof DenseArrayAttr ? a.values : [];
}

/** Checks that `static_<name>` has `rank` entries and one operand of group `group` per dynamic entry. */
export function checkMixed(op: Operation, def: OpDef, attr: string, group: string, rank: number): string | undefined {
  const vs = staticValues(op, attr);
  if (vs.length !== rank) return `expected ${rank} ${attr} values (the rank), got ${vs.length}`;
  const dyn = vs.filter((v) => v === DYNAMIC_I64).length;
  const n = def.operandGroup(op, group).length;
  return dyn === n ? undefined : `${attr} has ${dyn} dynamic entries but ${n} '${group}' operands`;
}

/** Runtime values: static entries, dynamic ones taken from `dyn` (bigints) in order. */
export function resolveMixed(statics: readonly number[], dyn: readonly unknown[]): number[] {
  let k = 0;
  return statics.map((v) => (v === DYNAMIC_I64 ? Number(dyn[k++] as bigint) : v));
}
