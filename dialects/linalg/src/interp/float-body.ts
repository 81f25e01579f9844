// Recognizes the float bodies the lowering emits most (multiply-accumulate of a contraction or
// convolution, max or sum reductions) and runs their innermost loop directly on the typed arrays.
// Each step rounds exactly as the body's arith ops do (Math.fround after every f32 op), and the
// points are visited in the same order, so results are bit-identical to calling the body.
import { dtypeOf, elementTypeOf, type Operation, type Value } from "@zkmlir/core";
import type { InnerLoop } from "./linear-nest.js";

/** acc = acc + a * b (macc), acc = max(acc, a) (maximumf), acc = acc + a (addf): `a`, `b` are block-argument positions. */
export type FloatBody =
  | { readonly kind: "macc"; readonly a: number; readonly b: number }
  | { readonly kind: "max" | "sum"; readonly a: number };

type F = Float32Array | Float64Array; // one float type for every operand

/** The pattern of a one-output body over a single float type, or undefined. */
export function matchFloatBody(op: Operation, nIn: number): FloatBody | undefined {
  const block = op.region(0).entry;
  if (!block || block.args.length !== nIn + 1) return undefined;
  const dts = new Set(op.operandValues.map((v) => dtypeOf(elementTypeOf(v.type))));
  if (dts.size !== 1 || !(dts.has("f32") || dts.has("f64"))) return undefined;
  const ops: Operation[] = [];
  for (let o = block.first; o; o = o.next) ops.push(o);
  const y = ops.pop();
  if (!y || y.name !== "linalg.yield" || y.operandValues.length !== 1) return undefined;
  const arg = (v: Value) => block.args.indexOf(v as never);
  const acc = nIn;
  // The other operand of a binary op whose one operand is the accumulator.
  const other = (o: Operation): Value | undefined => {
    const [l, r] = o.operandValues;
    if (o.operandValues.length !== 2) return undefined;
    if (arg(l!) === acc) return r;
    if (arg(r!) === acc) return l;
    return undefined;
  };
  const last = ops[ops.length - 1];
  if (!last || y.operandValues[0] !== last.result(0)) return undefined;
  if (ops.length === 1) {
    const x = other(last);
    const a = x ? arg(x) : -1;
    if (a < 0 || a >= nIn) return undefined;
    if (last.name === "arith.maximumf") return { kind: "max", a };
    if (last.name === "arith.addf") return { kind: "sum", a };
    return undefined;
  }
  if (ops.length === 2 && ops[0]!.name === "arith.mulf" && last.name === "arith.addf" && other(last) === ops[0]!.result(0)) {
    const [l, r] = ops[0]!.operandValues.map(arg);
    if (l! < 0 || r! < 0 || l! >= nIn || r! >= nIn || ops[0]!.result(0).uses.length !== 1) return undefined;
    return { kind: "macc", a: l!, b: r! };
  }
  return undefined;
}

/** The innermost loop of `body` over these operand arrays (the output is the last). */
export function floatInner(body: FloatBody, datas: readonly F[], f32: boolean): InnerLoop {
  const o = datas.length - 1;
  const O = datas[o]!, A = datas[body.a]!;
  const r = f32 ? Math.fround : (x: number) => x;
  // f32 first, with Math.fround written out: a rounding passed as a variable is a polymorphic call.
  if (body.kind === "macc" && f32) {
    const B = datas[body.b]!, ia = body.a, ib = body.b;
    return (off, n, st, n2, st2) => {
      let a0 = off[ia]!, b0 = off[ib]!, o0 = off[o]!;
      const sa = st[ia]!, sb = st[ib]!, so = st[o]!, sa2 = st2[ia]!, sb2 = st2[ib]!, so2 = st2[o]!;
      if (so === 0 && so2 === 0) {
        // Both loops reduce into one element: keep it in a register.
        let acc = O[o0]!;
        for (let u = 0; u < n2; u++, a0 += sa2, b0 += sb2) {
          let pa = a0, pb = b0;
          for (let t = 0; t < n; t++, pa += sa, pb += sb) acc = Math.fround(acc + Math.fround(A[pa]! * B[pb]!));
        }
        O[o0] = acc;
        return;
      }
      for (let u = 0; u < n2; u++, a0 += sa2, b0 += sb2, o0 += so2) {
        let pa = a0, pb = b0, po = o0;
        if (so === 0) {
          let acc = O[po]!;
          for (let t = 0; t < n; t++, pa += sa, pb += sb) acc = Math.fround(acc + Math.fround(A[pa]! * B[pb]!));
          O[po] = acc;
        } else if (sb === 0) {
          // A weight broadcast along the loop (a convolution with the output innermost): load it once.
          const w = B[pb]!;
          for (let t = 0; t < n; t++, pa += sa, po += so) O[po] = Math.fround(O[po]! + Math.fround(A[pa]! * w));
        } else if (sa === 0) {
          const w = A[pa]!;
          for (let t = 0; t < n; t++, pb += sb, po += so) O[po] = Math.fround(O[po]! + Math.fround(w * B[pb]!));
        } else {
          for (let t = 0; t < n; t++, pa += sa, pb += sb, po += so) O[po] = Math.fround(O[po]! + Math.fround(A[pa]! * B[pb]!));
        }
      }
    };
  }
  if (body.kind === "macc") {
    const B = datas[body.b]!, ia = body.a, ib = body.b;
    return (off, n, st, n2, st2) => {
      let a0 = off[ia]!, b0 = off[ib]!, o0 = off[o]!;
      const sa = st[ia]!, sb = st[ib]!, so = st[o]!, sa2 = st2[ia]!, sb2 = st2[ib]!, so2 = st2[o]!;
      if (so === 0 && so2 === 0) {
        // Both loops reduce into one element: keep it in a register.
        let acc = O[o0]!;
        for (let u = 0; u < n2; u++, a0 += sa2, b0 += sb2) {
          let pa = a0, pb = b0;
          for (let t = 0; t < n; t++, pa += sa, pb += sb) acc = r(acc + r(A[pa]! * B[pb]!));
        }
        O[o0] = acc;
        return;
      }
      for (let u = 0; u < n2; u++, a0 += sa2, b0 += sb2, o0 += so2) {
        let pa = a0, pb = b0, po = o0;
        if (so === 0) {
          let acc = O[po]!;
          for (let t = 0; t < n; t++, pa += sa, pb += sb) acc = r(acc + r(A[pa]! * B[pb]!));
          O[po] = acc;
        } else {
          for (let t = 0; t < n; t++, pa += sa, pb += sb, po += so) O[po] = r(O[po]! + r(A[pa]! * B[pb]!));
        }
      }
    };
  }
  const ia = body.a;
  // arith.maximumf: NaN if either is NaN, else the larger (Math.max agrees, including -0 < +0).
  const f = body.kind === "max" ? (x: number, y: number) => Math.max(x, y) : (x: number, y: number) => r(x + y);
  return (off, n, st, n2, st2) => {
    let a0 = off[ia]!, o0 = off[o]!;
    const sa = st[ia]!, so = st[o]!, sa2 = st2[ia]!, so2 = st2[o]!;
    if (so === 0 && so2 === 0) {
      let acc = O[o0]!;
      for (let u = 0; u < n2; u++, a0 += sa2) {
        let pa = a0;
        for (let t = 0; t < n; t++, pa += sa) acc = f(acc, A[pa]!);
      }
      O[o0] = acc;
      return;
    }
    for (let u = 0; u < n2; u++, a0 += sa2, o0 += so2) {
      let pa = a0, po = o0;
      if (so === 0) {
        let acc = O[po]!;
        for (let t = 0; t < n; t++, pa += sa) acc = f(acc, A[pa]!);
        O[po] = acc;
      } else {
        for (let t = 0; t < n; t++, pa += sa, po += so) O[po] = f(O[po]!, A[pa]!);
      }
    }
  };
}
