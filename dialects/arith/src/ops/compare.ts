// arith.cmpi / arith.cmpf: predicates are i64 enum attributes (generic form `predicate = 2 : i64`).
import {
  defineOp, Operation, IntegerAttr, IntegerType, FloatAttr, RankedTensorType, Pure, SameTypeOperands,
  SignlessIntegerOrIndexLike, FloatLike, BoolLike, I64Attr, DialectAttr, EnumAttr, type Type, type OpParser, type OpPrinter,
} from "@zkmlir/core";
import { toSigned, toUnsigned, widthOf } from "../fold/apint.js";
import { FASTMATH_NONE } from "./binary.js";

export const CMPI_PREDICATES = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"] as const;
export const CMPF_PREDICATES = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"] as const;

export function cmpi(pred: number, a: bigint, b: bigint, w: number): boolean {
  // Signed predicates compare the signed views (i1 true is -1, so `slt true, false` holds).
  const sa = toSigned(a, w), sb = toSigned(b, w), ua = toUnsigned(a, w), ub = toUnsigned(b, w);
  switch (CMPI_PREDICATES[pred]) {
    case "eq": return ua === ub;
    case "ne": return ua !== ub;
    case "slt": return sa < sb;
    case "sle": return sa <= sb;
    case "sgt": return sa > sb;
    case "sge": return sa >= sb;
    case "ult": return ua < ub;
    case "ule": return ua <= ub;
    case "ugt": return ua > ub;
    case "uge": return ua >= ub;
  }
  throw new Error(`invalid cmpi predicate ${pred}`);
}

export function cmpf(pred: number, a: number, b: number): boolean {
  const uno = Number.isNaN(a) || Number.isNaN(b);
  switch (CMPF_PREDICATES[pred]) {
    case "false": return false;
    case "oeq": return !uno && a === b;
    case "ogt": return !uno && a > b;
    case "oge": return !uno && a >= b;
    case "olt": return !uno && a < b;
    case "ole": return !uno && a <= b;
    case "one": return !uno && a !== b;
    case "ord": return !uno;
    case "ueq": return uno || a === b;
    case "ugt": return uno || a > b;
    case "uge": return uno || a >= b;
    case "ult": return uno || a < b;
    case "ule": return uno || a <= b;
    case "une": return uno || a !== b;
    case "uno": return uno;
    case "true": return true;
  }
  throw new Error(`invalid cmpf predicate ${pred}`);
}

/** i1, or a tensor of i1 shaped like `t`. */
export function boolLike(t: Type): Type {
  return t instanceof RankedTensorType ? RankedTensorType.get(t.shape, IntegerType.get(1)) : IntegerType.get(1);
}

function cmpFormat(preds: readonly string[], extra: "fastmath" | undefined) {
  return {
    print(op: Operation, p: OpPrinter) {
      const pr = Number((op.getAttr("predicate") as IntegerAttr).value);
      p.write(` ${preds[pr]}, `);
      p.printOperands(op.operandValues);
      const el = ["predicate"];
      if (extra && op.getAttr(extra)?.equals(FASTMATH_NONE)) el.push(extra);
      p.printOptionalAttrDict(op, el);
      p.write(` : ${op.operand(0).type.key}`);
    },
    parse(p: OpParser, name: string) {
      const kw = p.lexer.text;
      const idx = preds.indexOf(kw);
      if (idx < 0) p.error(`unknown comparison predicate '${kw}'`);
      p.lexer.next();
      p.expect(",");
      const a = p.parseOperandRef();
      p.expect(",");
      const b = p.parseOperandRef();
      const attrs = p.parseOptionalAttrDict();
      const t = p.parseColonType();
      return Operation.create({
        name, operands: [p.resolveOperand(a, t), p.resolveOperand(b, t)], resultTypes: [boolLike(t)],
        properties: { predicate: IntegerAttr.get(idx, IntegerType.get(64)) }, attributes: attrs,
      });
    },
  };
}

const predicateIn = (n: number) => (op: Operation) => {
  const v = Number((op.getAttr("predicate") as IntegerAttr).value);
  if (!(v >= 0 && v < n)) return `predicate ${v} is out of range`;
  return boolLike(op.operand(0).type) === op.result(0).type ? undefined : `result must be ${boolLike(op.operand(0).type).key}`;
};

export const CmpIOp = defineOp({
  name: "arith.cmpi",
  operands: [{ name: "lhs", type: SignlessIntegerOrIndexLike }, { name: "rhs", type: SignlessIntegerOrIndexLike }],
  results: [{ name: "result", type: BoolLike }],
  attributes: { predicate: { constraint: I64Attr } },
  traits: [Pure, SameTypeOperands],
  verify: predicateIn(CMPI_PREDICATES.length),
  fold: (op, [a, b]) => {
    if (a instanceof IntegerAttr && b instanceof IntegerAttr) {
      const r = cmpi(Number((op.getAttr("predicate") as IntegerAttr).value), a.value, b.value, widthOf(a.type));
      return [IntegerAttr.get(r ? 1 : 0, IntegerType.get(1))];
    }
    return undefined;
  },
  format: cmpFormat(CMPI_PREDICATES, undefined),
});

export const CmpFOp = defineOp({
  name: "arith.cmpf",
  operands: [{ name: "lhs", type: FloatLike }, { name: "rhs", type: FloatLike }],
  results: [{ name: "result", type: BoolLike }],
  attributes: {
    predicate: { constraint: I64Attr },
    fastmath: { constraint: EnumAttr("arith", "fastmath", ["none", "reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn", "fast"]), default: FASTMATH_NONE },
  },
  traits: [Pure, SameTypeOperands],
  verify: predicateIn(CMPF_PREDICATES.length),
  fold: (op, [a, b]) => {
    if (a instanceof FloatAttr && b instanceof FloatAttr) {
      const r = cmpf(Number((op.getAttr("predicate") as IntegerAttr).value), a.value, b.value);
      return [IntegerAttr.get(r ? 1 : 0, IntegerType.get(1))];
    }
    return undefined;
  },
  format: cmpFormat(CMPF_PREDICATES, "fastmath"),
});
export { DialectAttr };
