// Integer and float binary arithmetic: one declaration table, one shared folder per family
// (as xDSL's arith binary ops share a base class).
import {
  defineOp, assemblyFormat, Pure, Commutative, SameOperandsAndResultType, SignlessIntegerOrIndexLike, FloatLike,
  IntegerAttr, FloatAttr, FloatType, DialectAttr, EnumAttr, type Attribute, type OpDef, type FoldResult, type Operation,
} from "@zkmlir/core";
import { norm, toSigned, toUnsigned, widthOf } from "../fold/apint.js";

type IntFn = (a: bigint, b: bigint, w: number) => bigint | undefined;
type FloatFn = (a: number, b: number) => number;

// Signed ops read their operands through toSigned (i1 true is -1); results are stored by norm.
const s = toSigned;
const INT_OPS: Record<string, { fn: IntFn; commutative?: boolean; overflow?: boolean; unit?: bigint; zeroAbsorbs?: boolean }> = {
  addi: { fn: (a, b) => a + b, commutative: true, overflow: true, unit: 0n },
  subi: { fn: (a, b) => a - b, overflow: true },
  muli: { fn: (a, b) => a * b, commutative: true, overflow: true, unit: 1n, zeroAbsorbs: true },
  // INT_MIN / -1 overflows (for i1: true / true = -1 / -1): undefined, as division by zero.
  divsi: { fn: (a, b, w) => (b === 0n || (s(a, w) === -(1n << BigInt(w - 1)) && s(b, w) === -1n) ? undefined : s(a, w) / s(b, w)) },
  divui: { fn: (a, b, w) => (b === 0n ? undefined : toUnsigned(a, w) / toUnsigned(b, w)) },
  remsi: { fn: (a, b, w) => (b === 0n ? undefined : s(a, w) % s(b, w)) },
  remui: { fn: (a, b, w) => (b === 0n ? undefined : toUnsigned(a, w) % toUnsigned(b, w)) },
  andi: { fn: (a, b) => a & b, commutative: true },
  ori: { fn: (a, b) => a | b, commutative: true, unit: 0n },
  xori: { fn: (a, b) => a ^ b, commutative: true, unit: 0n },
  shli: { fn: (a, b, w) => (toUnsigned(b, w) >= BigInt(w) ? undefined : a << toUnsigned(b, w)) },
  shrsi: { fn: (a, b, w) => (toUnsigned(b, w) >= BigInt(w) ? undefined : s(a, w) >> toUnsigned(b, w)) },
  shrui: { fn: (a, b, w) => (toUnsigned(b, w) >= BigInt(w) ? undefined : toUnsigned(a, w) >> toUnsigned(b, w)) },
  maxsi: { fn: (a, b, w) => (s(a, w) > s(b, w) ? a : b), commutative: true },
  minsi: { fn: (a, b, w) => (s(a, w) < s(b, w) ? a : b), commutative: true },
  maxui: { fn: (a, b, w) => (toUnsigned(a, w) > toUnsigned(b, w) ? a : b), commutative: true },
  minui: { fn: (a, b, w) => (toUnsigned(a, w) < toUnsigned(b, w) ? a : b), commutative: true },
};

const FLOAT_OPS: Record<string, { fn: FloatFn; commutative?: boolean }> = {
  addf: { fn: (a, b) => a + b, commutative: true },
  subf: { fn: (a, b) => a - b },
  mulf: { fn: (a, b) => a * b, commutative: true },
  divf: { fn: (a, b) => a / b },
  remf: { fn: (a, b) => a % b },
  maximumf: { fn: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)), commutative: true },
  minimumf: { fn: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)), commutative: true },
  maxnumf: { fn: (a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b)), commutative: true },
  minnumf: { fn: (a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b)), commutative: true },
};

export const OVERFLOW_NONE = new DialectAttr("arith", "overflow", "none");
export const FASTMATH_NONE = new DialectAttr("arith", "fastmath", "none");
const OverflowC = EnumAttr("arith", "overflow", ["none", "nsw", "nuw"]);
const FastmathC = EnumAttr("arith", "fastmath", ["none", "reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn", "fast"]);

function foldInt(spec: (typeof INT_OPS)[string]) {
  return (op: Operation, c: readonly (Attribute | undefined)[]): FoldResult => {
    const [a, b] = c;
    const t = op.result(0).type;
    if (a instanceof IntegerAttr && b instanceof IntegerAttr) {
      const w = widthOf(t);
      const r = spec.fn(a.value, b.value, w);
      return r === undefined ? undefined : [new IntegerAttr(norm(r, w), t)];
    }
    // x op unit -> x; x * 0 -> 0.
    if (b instanceof IntegerAttr && spec.unit !== undefined && b.value === spec.unit) return [op.operand(0)];
    if (b instanceof IntegerAttr && spec.zeroAbsorbs && b.value === 0n) return [b];
    return undefined;
  };
}

function foldFloat(spec: (typeof FLOAT_OPS)[string]) {
  return (op: Operation, c: readonly (Attribute | undefined)[]): FoldResult => {
    const [a, b] = c;
    if (a instanceof FloatAttr && b instanceof FloatAttr) {
      return [FloatAttr.get(spec.fn(a.value, b.value), op.result(0).type as FloatType)];
    }
    return undefined;
  };
}

const defs: Record<string, OpDef> = {};
function binary(name: string, operandC: typeof FloatLike, commutative: boolean, flag: "overflowFlags" | "fastmath" | undefined, fold: OpDef["fold"]): OpDef {
  const full = `arith.${name}`;
  const def = defineOp({
    name: full,
    operands: [{ name: "lhs", type: operandC }, { name: "rhs", type: operandC }],
    results: [{ name: "result", type: operandC }],
    attributes: flag === "overflowFlags"
      ? { overflowFlags: { constraint: OverflowC, default: OVERFLOW_NONE } }
      : flag === "fastmath" ? { fastmath: { constraint: FastmathC, default: FASTMATH_NONE } } : {},
    traits: commutative ? [Pure, Commutative, SameOperandsAndResultType] : [Pure, SameOperandsAndResultType],
    fold,
    format: assemblyFormat("$lhs `,` $rhs attr-dict `:` type($result)", () => defs[full]!),
  });
  defs[full] = def;
  return def;
}

export const IntBinaryOps: OpDef[] = Object.entries(INT_OPS).map(([n, s]) =>
  binary(n, SignlessIntegerOrIndexLike, !!s.commutative, s.overflow ? "overflowFlags" : undefined, foldInt(s)));
export const FloatBinaryOps: OpDef[] = Object.entries(FLOAT_OPS).map(([n, s]) =>
  binary(n, FloatLike, !!s.commutative, "fastmath", foldFloat(s)));

/** Scalar semantics, shared with the interpreter. */
export const INT_SEMANTICS: Readonly<Record<string, IntFn>> = Object.fromEntries(Object.entries(INT_OPS).map(([k, v]) => [k, v.fn]));
export const FLOAT_SEMANTICS: Readonly<Record<string, FloatFn>> = Object.fromEntries(Object.entries(FLOAT_OPS).map(([k, v]) => [k, v.fn]));

export const NegFOp = defineOp({
  name: "arith.negf",
  operands: [{ name: "operand", type: FloatLike }],
  results: [{ name: "result", type: FloatLike }],
  attributes: { fastmath: { constraint: FastmathC, default: FASTMATH_NONE } },
  traits: [Pure, SameOperandsAndResultType],
  fold: (op, [a]) => (a instanceof FloatAttr ? [FloatAttr.get(-a.value, a.type)] : undefined),
  format: assemblyFormat("$operand attr-dict `:` type($result)", () => NegFOp),
});
