import { Tensor, type DType } from "@zkmlir/core";
import { KernelError, type Attrs, type Kernel } from "../types.js";
import { attrInt, intsInputOrAttr, normAxis, requireInput } from "../util/nn-attrs.js";
import { checkDType, NUMERIC, wrapInt, type NumberData } from "../util/nn-dtype.js";
import { reducePlan } from "../util/nn-reduce-plan.js";

/** Reduce one window of number values (floats or exact small ints of `dtype`). */
type NumReducer = (v: Float64Array, n: number, dtype: DType) => number;
/** Reduce one window of int64 values exactly. */
type BigReducer = (v: BigInt64Array, n: number) => bigint;

const isIntType = (d: DType): boolean => d !== "f32" && d !== "f64";
const I64 = (v: bigint): bigint => BigInt.asIntN(64, v);

function sumNum(v: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i]!;
  return s;
}
/** Sum of squares; integer squares wrap like the element type (numpy's np.square). */
function sumSqNum(v: Float64Array, n: number, dtype: DType): number {
  let s = 0;
  if (isIntType(dtype)) for (let i = 0; i < n; i++) s += wrapInt(dtype, Math.imul(v[i]!, v[i]!));
  else for (let i = 0; i < n; i++) s += v[i]! * v[i]!;
  return s;
}
function maxNum(v: Float64Array, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) return NaN;
    if (x > m) m = x;
  }
  return m;
}
function minNum(v: Float64Array, n: number): number {
  let m = Infinity;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) return NaN;
    if (x < m) m = x;
  }
  return m;
}
function logSumExpNum(v: Float64Array, n: number): number {
  const m = maxNum(v, n);
  if (!Number.isFinite(m)) return m; // NaN, -inf (empty or all -inf), +inf
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(v[i]! - m);
  return m + Math.log(s);
}

function sumBig(v: BigInt64Array, n: number): bigint {
  let s = 0n;
  for (let i = 0; i < n; i++) s += v[i]!;
  return I64(s);
}
function sumSqBig(v: BigInt64Array, n: number): bigint {
  let s = 0n;
  for (let i = 0; i < n; i++) s = I64(s + I64(v[i]! * v[i]!));
  return s;
}
/** A float-valued reduction of int64 data, truncated back to int64. */
function viaNumber(f: NumReducer): BigReducer {
  return (v, n) => {
    const tmp = new Float64Array(n);
    for (let i = 0; i < n; i++) tmp[i] = Number(v[i]!);
    const r = f(tmp, n, "f64");
    if (!Number.isFinite(r)) throw new KernelError(`reduction result ${r} is not representable in int64`);
    return BigInt(Math.trunc(r));
  };
}

interface ReduceSpec { num: NumReducer; big: BigReducer; bool?: boolean }

const SPECS: Record<string, ReduceSpec> = {
  ReduceSum: { num: sumNum, big: sumBig },
  ReduceSumSquare: { num: sumSqNum, big: sumSqBig },
  ReduceMean: {
    num: (v, n) => sumNum(v, n) / n,
    big: (v, n) => {
      if (n === 0) throw new KernelError("ReduceMean: mean of an empty int64 set");
      let s = 0n;
      for (let i = 0; i < n; i++) s += v[i]!;
      return I64(s / BigInt(n));
    },
  },
  ReduceProd: {
    num: (v, n, dtype) => {
      let p = 1;
      if (isIntType(dtype)) for (let i = 0; i < n; i++) p = wrapInt(dtype, Math.imul(p, v[i]!));
      else for (let i = 0; i < n; i++) p *= v[i]!;
      return p;
    },
    big: (v, n) => {
      let p = 1n;
      for (let i = 0; i < n; i++) p = I64(p * v[i]!);
      return p;
    },
  },
  ReduceMax: {
    num: maxNum,
    big: (v, n) => {
      if (n === 0) throw new KernelError("ReduceMax: max of an empty int64 set");
      let m = v[0]!;
      for (let i = 1; i < n; i++) if (v[i]! > m) m = v[i]!;
      return m;
    },
    bool: true,
  },
  ReduceMin: {
    num: minNum,
    big: (v, n) => {
      if (n === 0) throw new KernelError("ReduceMin: min of an empty int64 set");
      let m = v[0]!;
      for (let i = 1; i < n; i++) if (v[i]! < m) m = v[i]!;
      return m;
    },
    bool: true,
  },
  ReduceL1: {
    num: (v, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(v[i]!);
      return s;
    },
    big: (v, n) => {
      let s = 0n;
      for (let i = 0; i < n; i++) s += v[i]! < 0n ? -v[i]! : v[i]!;
      return I64(s);
    },
  },
  ReduceL2: { num: (v, n, d) => Math.sqrt(sumSqNum(v, n, d)), big: viaNumber((v, n) => Math.sqrt(sumSqNum(v, n, "f64"))) },
  ReduceLogSum: { num: (v, n) => Math.log(sumNum(v, n)), big: viaNumber((v, n) => Math.log(sumNum(v, n))) },
  ReduceLogSumExp: { num: logSumExpNum, big: viaNumber(logSumExpNum) },
};

/**
 * Which axes of a rank-`rank` tensor a reduction covers: `axes` from input 1 (current opsets) or
 * the `axes` attribute (older opsets). Empty axes reduce everything unless noop_with_empty_axes;
 * returns undefined for that no-op.
 */
export function reducedAxes(op: string, inputs: readonly (Tensor | undefined)[], attrs: Attrs, rank: number): boolean[] | undefined {
  const axes = intsInputOrAttr(op, inputs, 1, attrs, "axes") ?? [];
  const mask = new Array<boolean>(rank).fill(false);
  if (axes.length === 0) {
    if (attrInt(op, attrs, "noop_with_empty_axes", 0) !== 0) return undefined;
    return mask.fill(true);
  }
  for (const a of axes) {
    const k = normAxis(op, a, rank, "axes entry");
    if (mask[k]) throw new KernelError(`${op}: axis ${a} is repeated in axes [${axes.join(", ")}]`);
    mask[k] = true;
  }
  return mask;
}

function reduceKernel(op: string, spec: ReduceSpec): Kernel {
  return (inputs, attrs) => {
    const x = requireInput(op, inputs, 0, "data");
    checkDType(op, x, "data", spec.bool ? [...NUMERIC, "i1"] : NUMERIC);
    const mask = reducedAxes(op, inputs, attrs, x.rank);
    if (mask === undefined) return [x];
    const plan = reducePlan(x.shape, mask, attrInt(op, attrs, "keepdims", 1) !== 0);
    const out = new Tensor(x.dtype, plan.outShape);
    const { base, window } = plan;
    const n = window.length;
    if (x.dtype === "i64") {
      const src = x.data as BigInt64Array, dst = out.data as BigInt64Array, buf = new BigInt64Array(n);
      for (let o = 0; o < base.length; o++) {
        const b = base[o]!;
        for (let r = 0; r < n; r++) buf[r] = src[b + window[r]!]!;
        dst[o] = spec.big(buf, n);
      }
    } else {
      const src = x.data as NumberData, dst = out.data as NumberData, buf = new Float64Array(n);
      for (let o = 0; o < base.length; o++) {
        const b = base[o]!;
        for (let r = 0; r < n; r++) buf[r] = src[b + window[r]!]!;
        dst[o] = spec.num(buf, n, x.dtype);
      }
    }
    return [out];
  };
}

/** ReduceSum, ReduceMean, ReduceMax, ... by op type. */
export const REDUCE_KERNELS: Record<string, Kernel> = Object.fromEntries(
  Object.entries(SPECS).map(([op, spec]) => [op, reduceKernel(op, spec)]),
);
