import { Tensor, type DType } from "@zkmlir/core";
import { broadcastIndexMap, broadcastShapes } from "./broadcast.js";
import { checkDtype, numData, sameDtype, sameShape, type NumData } from "./basic-tensor.js";
import { KernelError } from "../types.js";

/**
 * Per-dtype-family implementations of an elementwise op. Float ops compute in float64 and are
 * rounded to float32 by the Float32Array store; integer results wrap on store like the type does
 * (so an `int` function must be exact in float64 before wrapping: use Math.imul for i32 products).
 */
export interface NumImpl<F, B> {
  float?: F;
  int?: F;
  i64?: B;
  bool?: F;
}

export type Unary = NumImpl<(x: number) => number, (x: bigint) => bigint>;
export type Binary = NumImpl<(a: number, b: number, dtype: DType) => number, (a: bigint, b: bigint) => bigint>;
/** Comparisons return a boolean per element (output dtype i1). */
export type Compare = NumImpl<(a: number, b: number) => boolean, (a: bigint, b: bigint) => boolean>;

/** The implementation for a dtype's family, or an "unsupported data type" error. */
function pick<F, B>(impl: NumImpl<F, B>, dtype: DType, op: string): F | B {
  const f = dtype === "f32" || dtype === "f64" ? impl.float
    : dtype === "i64" ? impl.i64
    : dtype === "i1" ? impl.bool
    : impl.int;
  if (!f) throw new KernelError(`unsupported data type ${dtype} for ${op}`);
  return f;
}

/** y = f(x) elementwise, same dtype. */
export function mapUnary(x: Tensor, impl: Unary, op: string): Tensor {
  const f = pick(impl, x.dtype, op);
  const out = new Tensor(x.dtype, x.shape);
  if (x.dtype === "i64") {
    const g = f as (v: bigint) => bigint;
    const s = x.data as BigInt64Array, d = out.data as BigInt64Array;
    for (let i = 0; i < s.length; i++) d[i] = g(s[i]!);
  } else {
    const g = f as (v: number) => number;
    const s = numData(x), d = numData(out);
    for (let i = 0; i < s.length; i++) d[i] = g(s[i]!);
  }
  return out;
}

/** Output shape and per-operand index maps (null = identity) of a multidirectional broadcast. */
export function broadcastPlan(shapes: readonly (readonly number[])[]): { shape: number[]; maps: (Int32Array | null)[] } {
  const shape = broadcastShapes(...shapes);
  return { shape, maps: shapes.map((s) => (sameShape(s, shape) ? null : broadcastIndexMap(s, shape))) };
}

/** c = f(a, b) with numpy broadcasting; a and b share a dtype, c has it too. */
export function mapBinary(a: Tensor, b: Tensor, impl: Binary, op: string): Tensor {
  sameDtype(a, b, op);
  const f = pick(impl, a.dtype, op);
  const { shape, maps: [ma, mb] } = broadcastPlan([a.shape, b.shape]);
  const out = new Tensor(a.dtype, shape);
  const n = out.size;
  if (a.dtype === "i64") {
    const g = f as (x: bigint, y: bigint) => bigint;
    const sa = a.data as BigInt64Array, sb = b.data as BigInt64Array, d = out.data as BigInt64Array;
    for (let i = 0; i < n; i++) d[i] = g(sa[ma ? ma[i]! : i]!, sb[mb ? mb[i]! : i]!);
  } else {
    const g = f as (x: number, y: number, t: DType) => number;
    const sa = numData(a), sb = numData(b), d = numData(out), t = a.dtype;
    for (let i = 0; i < n; i++) d[i] = g(sa[ma ? ma[i]! : i]!, sb[mb ? mb[i]! : i]!, t);
  }
  return out;
}

/** Boolean c = f(a, b) with numpy broadcasting. */
export function mapCompare(a: Tensor, b: Tensor, impl: Compare, op: string): Tensor {
  sameDtype(a, b, op);
  const f = pick(impl, a.dtype, op);
  const { shape, maps: [ma, mb] } = broadcastPlan([a.shape, b.shape]);
  const out = new Tensor("i1", shape);
  const d = out.data as Uint8Array, n = out.size;
  if (a.dtype === "i64") {
    const g = f as (x: bigint, y: bigint) => boolean;
    const sa = a.data as BigInt64Array, sb = b.data as BigInt64Array;
    for (let i = 0; i < n; i++) d[i] = g(sa[ma ? ma[i]! : i]!, sb[mb ? mb[i]! : i]!) ? 1 : 0;
  } else {
    const g = f as (x: number, y: number) => boolean;
    const sa: NumData = numData(a), sb: NumData = numData(b);
    for (let i = 0; i < n; i++) d[i] = g(sa[ma ? ma[i]! : i]!, sb[mb ? mb[i]! : i]!) ? 1 : 0;
  }
  return out;
}

/** Map a float-only unary function (f32/f64), as a kernel body. */
export function floatUnary(x: Tensor, f: (v: number) => number, op: string): Tensor {
  checkDtype(x, ["f32", "f64"], op, "X");
  return mapUnary(x, { float: f }, op);
}
