// Reference-domain semantics of math: floats are numbers (f32 results rounded with Math.fround),
// integers bigints; tensor operands are mapped elementwise.
import {
  ImplTable, Tensor, FloatType, RankedTensorType, elementTypeOf, dtypeOf, setElem, IndexType, IntegerType,
  type Operation, type OpImpl, type Type,
} from "@zkmlir/core";
import { FLOAT_UNARY, FLOAT_BINARY, ipowi } from "./fn/semantics.js";

type Scalar = number | bigint;
type Fn = (...xs: Scalar[]) => Scalar;

const widthOf = (t: Type) => (t instanceof IntegerType ? t.width : t instanceof IndexType ? 64 : 64);

function rounded(t: Type, f: Fn): Fn {
  return t instanceof FloatType && t.kind === "f32" ? (...xs) => Math.fround(f(...xs) as number) : f;
}

/** Applies `f` to scalars, or elementwise to same-shaped tensors. */
function lift(op: Operation, f: Fn): ReturnType<OpImpl> {
  const rt = op.result(0).type;
  if (!(rt instanceof RankedTensorType)) return { scalar: f as (...a: unknown[]) => unknown };
  const dt = dtypeOf(rt.elementType);
  if (!dt) throw new Error(`unsupported element type '${rt.elementType.key}'`);
  const isInt = op.operands.map((o) => !(elementTypeOf(o.value.type) instanceof FloatType));
  return {
    run: (args) => {
      const ts = args as Tensor[];
      const out = new Tensor(dt, ts[0]!.shape);
      const xs = new Array<Scalar>(ts.length);
      for (let i = 0; i < out.size; i++) {
        for (let k = 0; k < ts.length; k++) {
          const v = ts[k]!.data[i]!;
          xs[k] = isInt[k] && typeof v === "number" ? BigInt(v) : v;
        }
        setElem(out.data, i, f(...xs));
      }
      return [out];
    },
  };
}

const entries: Record<string, OpImpl> = {};
for (const [name, fn] of Object.entries(FLOAT_UNARY)) {
  entries[`math.${name}`] = (op) => lift(op, rounded(elementTypeOf(op.result(0).type), (x) => fn(x as number)));
}
for (const [name, fn] of Object.entries(FLOAT_BINARY)) {
  entries[`math.${name}`] = (op) => lift(op, rounded(elementTypeOf(op.result(0).type), (a, b) => fn(a as number, b as number)));
}
entries["math.fma"] = (op) => lift(op, rounded(elementTypeOf(op.result(0).type), (a, b, c) => (a as number) * (b as number) + (c as number)));
entries["math.fpowi"] = (op) => lift(op, rounded(elementTypeOf(op.result(0).type), (a, b) => (a as number) ** Number(b as bigint)));
entries["math.absi"] = (op) => {
  const w = widthOf(elementTypeOf(op.result(0).type));
  return lift(op, (a) => BigInt.asIntN(w, (a as bigint) < 0n ? -(a as bigint) : (a as bigint)));
};
entries["math.ipowi"] = (op) => {
  const w = widthOf(elementTypeOf(op.result(0).type));
  return lift(op, (a, b) => ipowi(a as bigint, b as bigint, w));
};

export const mathImpls = new ImplTable("reference", entries);
