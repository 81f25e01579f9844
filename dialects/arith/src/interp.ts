// Reference-domain semantics of arith: floats are JS numbers (f32 rounded with Math.fround),
// integers are bigints normalized to their width (exact for i64), i1 is 0n/1n (true is -1 in
// signed interpretations, as upstream: see fold/apint.ts). Tensors of these
// (Tensor from @zkmlir/core) are handled elementwise.
import {
  ImplTable, Tensor, FloatType, IntegerType, IndexType, RankedTensorType, IntegerAttr, FloatAttr, DenseElementsAttr, elementTypeOf,
  dtypeOf, setElem, type Operation, type Type, type OpImpl,
} from "@zkmlir/core";
import { INT_SEMANTICS, FLOAT_SEMANTICS } from "./ops/binary.js";
import { cmpi, cmpf } from "./ops/compare.js";
import { norm, toSigned, toUnsigned, widthOf } from "./fold/apint.js";

type Scalar = number | bigint;
type ScalarFn = (...a: Scalar[]) => Scalar;

/** Rounds to the element type's precision (f32) or width (integers). */
function rounder(t: Type): (v: Scalar) => Scalar {
  if (t instanceof FloatType) return t.kind === "f32" ? (v) => Math.fround(v as number) : (v) => v;
  const w = widthOf(t);
  return (v) => norm(v as bigint, w);
}

/** Lifts a scalar function to tensors when the op's operands are tensors. */
function lift(op: Operation, f: ScalarFn): ReturnType<OpImpl> {
  const rt = op.result(0).type;
  if (!(rt instanceof RankedTensorType)) return { scalar: f as (...a: unknown[]) => unknown };
  const dt = dtypeOf(rt.elementType);
  if (!dt) throw new Error(`unsupported element type ${rt.elementType.key}`);
  const elementIsInt = !(rt.elementType instanceof FloatType);
  const operandIsInt = op.operands.map((o) => !(elementTypeOf(o.value.type) instanceof FloatType));
  return {
    run: (args) => {
      const ts = args as Tensor[];
      const out = new Tensor(dt, rt.shape);
      const n = out.size;
      const xs = new Array<Scalar>(ts.length);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < ts.length; k++) {
          const t = ts[k]!;
          const v = t.data[t.size === 1 ? 0 : i]!;
          xs[k] = operandIsInt[k] ? (typeof v === "bigint" ? v : BigInt(v)) : (v as number);
        }
        const r = f(...xs);
        setElem(out.data, i, elementIsInt ? (typeof r === "bigint" ? r : BigInt(r)) : r);
      }
      return [out];
    },
  };
}

function constantImpl(op: Operation): ReturnType<OpImpl> {
  const a = op.getAttr("value");
  if (a instanceof IntegerAttr) { const v = a.value; return { scalar: () => v }; }
  if (a instanceof FloatAttr) { const v = a.value; return { scalar: () => v }; }
  if (a instanceof DenseElementsAttr) {
    const dt = dtypeOf(a.elementType)!;
    const t = new Tensor(dt, a.type.shape, a.values());
    return { scalar: () => t };
  }
  throw new Error(`cannot interpret constant ${op.getAttr("value")?.constructor.name}`);
}

const entries: Record<string, OpImpl> = { "arith.constant": constantImpl };

for (const [name, fn] of Object.entries(INT_SEMANTICS)) {
  entries[`arith.${name}`] = (op) => {
    const t = elementTypeOf(op.result(0).type);
    const w = widthOf(t);
    const r = rounder(t);
    return lift(op, (a, b) => {
      const v = fn(a as bigint, b as bigint, w);
      if (v === undefined) throw new Error(`arith.${name}: undefined behaviour (division by zero, overflow or shift out of range)`);
      return r(v);
    });
  };
}
for (const [name, fn] of Object.entries(FLOAT_SEMANTICS)) {
  entries[`arith.${name}`] = (op) => {
    const r = rounder(elementTypeOf(op.result(0).type));
    return lift(op, (a, b) => r(fn(a as number, b as number)));
  };
}
entries["arith.negf"] = (op) => lift(op, (a) => -(a as number));
entries["arith.cmpi"] = (op) => {
  const p = Number((op.getAttr("predicate") as IntegerAttr).value);
  const w = widthOf(elementTypeOf(op.operand(0).type));
  return lift(op, (a, b) => (cmpi(p, a as bigint, b as bigint, w) ? 1n : 0n));
};
entries["arith.cmpf"] = (op) => {
  const p = Number((op.getAttr("predicate") as IntegerAttr).value);
  return lift(op, (a, b) => (cmpf(p, a as number, b as number) ? 1n : 0n));
};
entries["arith.select"] = (op) => {
  if (op.operand(0).type instanceof RankedTensorType || !(op.result(0).type instanceof RankedTensorType)) {
    return lift(op, (c, a, b) => (c ? a : b));
  }
  return { scalar: (c, a, b) => (c ? a : b) };
};

const castFns: Record<string, (op: Operation) => ScalarFn> = {
  extsi: (op) => { const w = widthOf(elementTypeOf(op.operand(0).type)); const wo = widthOf(elementTypeOf(op.result(0).type)); return (a) => norm(toSigned(a as bigint, w), wo); },
  extui: (op) => { const w = widthOf(elementTypeOf(op.operand(0).type)); const wo = widthOf(elementTypeOf(op.result(0).type)); return (a) => norm(toUnsigned(a as bigint, w), wo); },
  trunci: (op) => { const w = widthOf(elementTypeOf(op.result(0).type)); return (a) => norm(a as bigint, w); },
  sitofp: (op) => { const w = widthOf(elementTypeOf(op.operand(0).type)); const r = rounder(elementTypeOf(op.result(0).type)); return (a) => r(Number(toSigned(a as bigint, w))); },
  uitofp: (op) => { const w = widthOf(elementTypeOf(op.operand(0).type)); const r = rounder(elementTypeOf(op.result(0).type)); return (a) => r(Number(toUnsigned(a as bigint, w))); },
  fptosi: (op) => { const w = widthOf(elementTypeOf(op.result(0).type)); return (a) => norm(BigInt(Math.trunc(a as number)), w); },
  fptoui: (op) => { const w = widthOf(elementTypeOf(op.result(0).type)); return (a) => norm(BigInt(Math.trunc(a as number)), w); },
  extf: () => (a) => a,
  truncf: (op) => rounder(elementTypeOf(op.result(0).type)),
  index_cast: (op) => { const wi = widthOf(elementTypeOf(op.operand(0).type)); const w = widthOf(elementTypeOf(op.result(0).type)); return (a) => norm(toSigned(a as bigint, wi), w); },
  index_castui: (op) => { const wi = widthOf(elementTypeOf(op.operand(0).type)); const w = widthOf(elementTypeOf(op.result(0).type)); return (a) => norm(toUnsigned(a as bigint, wi), w); },
};
for (const [name, mk] of Object.entries(castFns)) {
  entries[`arith.${name}`] = (op) => {
    const f = mk(op);
    if (name === "fptosi" || name === "fptoui") {
      return lift(op, (a) => {
        if (!Number.isFinite(a as number)) throw new Error(`arith.${name}: ${a} has no integer value`);
        return f(a);
      });
    }
    return lift(op, f);
  };
}

export const arithImpls = new ImplTable("reference", entries);
export { IndexType, IntegerType, setElem };
