// Pools as window reductions over a padded input. Loops: n, c, o_1..o_s | k_1..k_s; a
// kernel-shaped `window` operand (as upstream's pooling ops) gives each k loop its extent.
// MaxPool pads with -inf; AveragePool pads with 0 and divides by a compile-time tensor of
// per-position counts (count_include_pad decides whether pads count; ceil_mode extras never do).
import { AffineMap, DenseElementsAttr, FloatType, RankedTensorType, bin, cst, dim, type Builder, type Value } from "@zkmlir/core";
import type { IteratorKind } from "@zkmlir/linalg";
import { elementwise } from "../build/elementwise.js";
import { generic, filled, empty } from "../build/structured.js";
import { padSpatial } from "../build/pad.js";
import { arith, constant, math } from "../build/scalar.js";
import { intAttr, intsAttr } from "../util/attrs.js";
import { resultType, staticType } from "../util/types.js";
import { paddedExtent, slidingWindow, type Window } from "../util/window.js";
import { loweringError } from "../errors.js";
import { denseConstant } from "./constants.js";
import { lowest, REDUCE_KINDS, reduceWith } from "./reduce.js";
import { maxPoolWithIndices } from "./max-pool-indices.js";
import type { Lowering } from "./lowering.js";

function windowReduce(b: Builder, xp: Value, win: Window, out: RankedTensorType, identity: number | bigint, kind: "max" | "add"): Value {
  const s = win.kernel.length, L = 2 + 2 * s;
  const o = (i: number) => dim(2 + i), k = (i: number) => dim(2 + s + i);
  const term = (e: ReturnType<typeof dim>, m: number) => (m === 1 ? e : bin("mul", e, cst(m)));
  const xMap = new AffineMap(L, 0, [dim(0), dim(1), ...win.kernel.map((_, i) => bin("add", term(o(i), win.strides[i]!), term(k(i), win.dilations[i]!)))]);
  const wMap = new AffineMap(L, 0, win.kernel.map((_, i) => k(i)));
  const oMap = new AffineMap(L, 0, [dim(0), dim(1), ...win.kernel.map((_, i) => o(i))]);
  const iters: IteratorKind[] = [...Array.from({ length: 2 + s }, () => "parallel" as const), ...win.kernel.map(() => "reduction" as const)];
  const window = empty(b, RankedTensorType.get(win.kernel, out.elementType));
  return generic(b, {
    inputs: [xp, window], outputs: [filled(b, out, identity)], maps: [xMap, wMap, oMap], iterators: iters,
    body: ({ b: bb, args }) => [arith(bb, kind, args[2]!, args[0]!)],
  })[0]!;
}

/** Input, output and window geometry of a pool. */
export interface PoolSetup { x: Value; out: RankedTensorType; xt: RankedTensorType; inSp: number[]; outSp: number[]; win: Window; extent: number[] }

function poolSetup(c: Parameters<Lowering>[0]): PoolSetup {
  const x = c.req(0), out = resultType(c.op), xt = staticType(c.op, x);
  const kernel = intsAttr(c.op, "kernel_shape");
  if (!kernel) throw loweringError(c.op, "attribute 'kernel_shape' is required");
  const inSp = xt.shape.slice(2), outSp = out.shape.slice(2);
  const win = slidingWindow(c.op, inSp, outSp, kernel);
  return { x, out, xt, inSp, outSp, win, extent: paddedExtent(win, inSp, outSp) };
}

const maxPool: Lowering = (c) => {
  if (c.used(1)) return maxPoolWithIndices(c, poolSetup(c));
  const { x, out, win, extent } = poolSetup(c);
  const low = lowest(out.elementType);
  return [windowReduce(c.b, padSpatial(c.b, x, win.padLo, extent, low), win, out, low, "max")];
};

/** How many input (or input + pad) positions each output window covers. */
function windowCounts(win: Window, inSp: readonly number[], outSp: readonly number[], includePad: boolean): Float64Array {
  const per = outSp.map((n, i) => Array.from({ length: n }, (_, o) => {
    let cnt = 0;
    for (let k = 0; k < win.kernel[i]!; k++) {
      const p = o * win.strides[i]! + k * win.dilations[i]!; // position in the padded axis
      const lo = includePad ? 0 : win.padLo[i]!, hi = includePad ? inSp[i]! + win.padLo[i]! + win.padHi[i]! : win.padLo[i]! + inSp[i]!;
      if (p >= lo && p < hi) cnt++;
    }
    return cnt;
  }));
  const total = outSp.reduce((a, n) => a * n, 1);
  const res = new Float64Array(total);
  for (let f = 0; f < total; f++) {
    let rem = f, cnt = 1;
    for (let i = outSp.length - 1; i >= 0; i--) { cnt *= per[i]![rem % outSp[i]!]!; rem = Math.floor(rem / outSp[i]!); }
    res[f] = cnt;
  }
  return res;
}

const averagePool: Lowering = (c) => {
  const { x, out, inSp, outSp, win, extent } = poolSetup(c);
  if (!(out.elementType instanceof FloatType)) throw loweringError(c.op, "AveragePool needs a float element type");
  const sums = windowReduce(c.b, padSpatial(c.b, x, win.padLo, extent, 0), win, out, 0, "add");
  const counts = windowCounts(win, inSp, outSp, intAttr(c.op, "count_include_pad", 0) !== 0);
  const ct = RankedTensorType.get([1, 1, ...outSp], out.elementType);
  const data = out.elementType.width === 64 ? counts : Float32Array.from(counts);
  const divisor = denseConstant(c.b, new DenseElementsAttr(ct, data, false));
  return [elementwise(c.b, [sums, divisor], out, ({ b, args }) => arith(b, "div", args[0]!, args[1]!))];
};

/** LpPool: (sum over the window of |x|^p)^(1/p); pads contribute 0. */
const lpPool: Lowering = (c) => {
  const { x, out, xt, win, extent } = poolSetup(c);
  const p = intAttr(c.op, "p", 2);
  const pw = elementwise(c.b, [x], xt, ({ b, args }) => b.create({ name: "math.powf", operands: [math(b, "absf", args[0]!), constant(b, args[0]!.type, p)], resultTypes: [args[0]!.type] }).result(0));
  const sums = windowReduce(c.b, padSpatial(c.b, pw, win.padLo, extent, 0), win, out, 0, "add");
  return [elementwise(c.b, [sums], out, ({ b, args }) => b.create({ name: "math.powf", operands: [args[0]!, constant(b, args[0]!.type, 1 / p)], resultTypes: [args[0]!.type] }).result(0))];
};

const globalPool = (kind: "ReduceMean" | "ReduceMax"): Lowering => (c) => {
  const x = c.req(0), r = staticType(c.op, x).rank;
  return [reduceWith(c.b, x, Array.from({ length: r - 2 }, (_, i) => i + 2), true, REDUCE_KINDS[kind]!, resultType(c.op))];
};

export const POOLS: Record<string, Lowering> = {
  LpPool: lpPool, MaxPool: maxPool, AveragePool: averagePool, GlobalAveragePool: globalPool("ReduceMean"), GlobalMaxPool: globalPool("ReduceMax"),
};
