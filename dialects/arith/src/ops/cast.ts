// Conversions between integer widths, floats and index: `arith.extsi %x : i8 to i32`.
import {
  defineOp, assemblyFormat, Pure, IntegerAttr, FloatAttr, FloatType, IntegerType, IndexType, RankedTensorType, elementTypeOf,
  SignlessIntegerOrIndexLike, FloatLike, AnyType, type OpDef, type Type, type Operation,
} from "@zkmlir/core";
import { norm, toSigned, toUnsigned, widthOf } from "../fold/apint.js";

type Kind = "int" | "float" | "index" | "intOrIndex";
const isKind = (t: Type, k: Kind): boolean => {
  const e = elementTypeOf(t);
  if (k === "int") return e instanceof IntegerType;
  if (k === "float") return e instanceof FloatType;
  if (k === "index") return e instanceof IndexType;
  return e instanceof IntegerType || e instanceof IndexType;
};
const sameShape = (a: Type, b: Type) =>
  (a instanceof RankedTensorType) === (b instanceof RankedTensorType) &&
  (!(a instanceof RankedTensorType) || a.shape.join() === (b as RankedTensorType).shape.join());

const widthCmp = (a: Type, b: Type): number => {
  const ea = elementTypeOf(a), eb = elementTypeOf(b);
  const wa = ea instanceof FloatType ? ea.width : widthOf(ea);
  const wb = eb instanceof FloatType ? eb.width : widthOf(eb);
  return wa - wb;
};

interface CastSpec { from: Kind; to: Kind; width?: "wider" | "narrower"; fold?: (a: IntegerAttr | FloatAttr, to: Type) => IntegerAttr | FloatAttr | undefined }

const CASTS: Record<string, CastSpec> = {
  // Sign-extending casts read the signed view (i1 true is -1).
  extsi: { from: "int", to: "int", width: "wider", fold: (a, t) => a instanceof IntegerAttr ? new IntegerAttr(norm(toSigned(a.value, widthOf(a.type)), widthOf(t)), t) : undefined },
  extui: { from: "int", to: "int", width: "wider", fold: (a, t) => a instanceof IntegerAttr ? new IntegerAttr(norm(toUnsigned(a.value, widthOf(a.type)), widthOf(t)), t) : undefined },
  trunci: { from: "int", to: "int", width: "narrower", fold: (a, t) => a instanceof IntegerAttr ? new IntegerAttr(norm(a.value, widthOf(t)), t) : undefined },
  sitofp: { from: "int", to: "float", fold: (a, t) => a instanceof IntegerAttr ? FloatAttr.get(Number(toSigned(a.value, widthOf(a.type))), t as FloatType) : undefined },
  uitofp: { from: "int", to: "float", fold: (a, t) => a instanceof IntegerAttr ? FloatAttr.get(Number(toUnsigned(a.value, widthOf(a.type))), t as FloatType) : undefined },
  fptosi: { from: "float", to: "int" },
  fptoui: { from: "float", to: "int" },
  extf: { from: "float", to: "float", width: "wider", fold: (a, t) => a instanceof FloatAttr ? FloatAttr.get(a.value, t as FloatType) : undefined },
  truncf: { from: "float", to: "float", width: "narrower", fold: (a, t) => a instanceof FloatAttr ? FloatAttr.get(a.value, t as FloatType) : undefined },
  index_cast: { from: "intOrIndex", to: "intOrIndex", fold: (a, t) => a instanceof IntegerAttr ? new IntegerAttr(norm(toSigned(a.value, widthOf(a.type)), widthOf(t)), t) : undefined },
  index_castui: { from: "intOrIndex", to: "intOrIndex", fold: (a, t) => a instanceof IntegerAttr ? new IntegerAttr(norm(toUnsigned(a.value, widthOf(a.type)), widthOf(t)), t) : undefined },
};

const defs: Record<string, OpDef> = {};
export const CastOps: OpDef[] = Object.entries(CASTS).map(([n, spec]) => {
  const name = `arith.${n}`;
  const c = spec.from === "float" ? FloatLike : spec.from === "int" ? SignlessIntegerOrIndexLike : SignlessIntegerOrIndexLike;
  const def = defineOp({
    name,
    operands: [{ name: "in", type: c }],
    results: [{ name: "out", type: AnyType }],
    traits: [Pure],
    verify: (op: Operation) => {
      const a = op.operand(0).type, b = op.result(0).type;
      if (!isKind(a, spec.from) || !isKind(b, spec.to)) return `cannot cast '${a.key}' to '${b.key}'`;
      if (!sameShape(a, b)) return "operand and result must have the same shape";
      if (n === "index_cast" || n === "index_castui") {
        if (isKind(a, "index") === isKind(b, "index")) return "exactly one of operand and result must be index";
      }
      if (spec.width === "wider" && widthCmp(b, a) <= 0) return `result type '${b.key}' must be wider than operand type '${a.key}'`;
      if (spec.width === "narrower" && widthCmp(b, a) >= 0) return `result type '${b.key}' must be narrower than operand type '${a.key}'`;
      return undefined;
    },
    fold: (op, [a]) => {
      if (!spec.fold || !(a instanceof IntegerAttr || a instanceof FloatAttr)) return undefined;
      const r = spec.fold(a, op.result(0).type);
      return r ? [r] : undefined;
    },
    format: assemblyFormat("$in attr-dict `:` type($in) `to` type($out)", () => defs[name]!),
  });
  defs[name] = def;
  return def;
});
