// Direct kernels for named ops: plain loops over typed arrays. They apply when the element types
// make the implicit body a plain computation (same float type everywhere: each mul/add rounded to
// f32 as the body's arith ops are; or i32 outputs from i8/i16/i32 inputs, wrapping at 32 bits);
// otherwise the generic interpreter runs the region. Each element's reduction runs in the loop
// nest's order, so results are bit-identical to the generic path (tested).
import { Tensor, DenseElementsAttr, dtypeOf, elementTypeOf, type Operation, type OpImpl, type DType } from "@zkmlir/core";
import { structuredView, viewMaps } from "../structured/view.js";
import { inferLoopBounds } from "../structured/loop-bounds.js";
import { planAccess } from "./access-plan.js";
import { cloneTensor } from "./element-io.js";
import { CAST_UNSIGNED } from "../attrs.js";

export type Kernel = (op: Operation) => ReturnType<OpImpl> | undefined;
type Num = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array;

/** Loop sizes after the same shape and bounds checks as the generic path. */
function checkedBounds(op: Operation, tensors: readonly Tensor[]): number[] {
  const v = structuredView(op);
  const maps = viewMaps(v, op.name);
  const lb = inferLoopBounds(maps, tensors.map((t) => t.shape), v.iterators.length);
  if (typeof lb === "string") throw new Error(lb);
  if (lb.bounds.some((b) => b === undefined)) throw new Error("cannot infer the loop sizes");
  const bounds = lb.bounds as number[];
  maps.forEach((m, i) => planAccess(op.name, i, m, tensors[i]!.shape, bounds));
  return bounds;
}

type Arith = { mul: (a: number, b: number) => number; add: (a: number, b: number) => number; load: (d: Num, i: number) => number; float?: "f32" | "f64" };
/** The arithmetic of the implicit body for these operand types, or undefined (use the generic path). */
function arithFor(op: Operation, inputs: number): Arith | undefined {
  const dts = op.operandValues.map((v) => dtypeOf(elementTypeOf(v.type)));
  const out = dts[dts.length - 1];
  const ins = dts.slice(0, inputs);
  if ((out === "f32" || out === "f64") && ins.every((d) => d === out)) {
    const r = out === "f32" ? Math.fround : (x: number) => x;
    return { mul: (a, b) => r(a * b), add: (a, b) => r(a + b), load: (d, i) => d[i]!, float: out };
  }
  const intIn = (d: DType | undefined) => d === "i8" || d === "i16" || d === "i32";
  if (out === "i32" && ins.every(intIn)) {
    if (op.getAttr("cast")?.equals(CAST_UNSIGNED) && !ins.every((d) => d === "i32")) {
      const masks = ins.map((d) => (d === "i8" ? 0xff : d === "i16" ? 0xffff : -1));
      if (new Set(masks).size !== 1) return undefined;
      const m = masks[0]!;
      return { mul: Math.imul, add: (a, b) => (a + b) | 0, load: (d, i) => d[i]! & m };
    }
    return { mul: Math.imul, add: (a, b) => (a + b) | 0, load: (d, i) => d[i]! };
  }
  return undefined;
}

/** The float contraction with the arithmetic inlined (monomorphic loops): same order and rounding as `contraction`. */
function floatContraction(f32: boolean, A: Float32Array | Float64Array, Bd: Float32Array | Float64Array, C: Float32Array | Float64Array, B: number, M: number, N: number, K: number): void {
  const r = f32 ? Math.fround : (x: number) => x;
  for (let bi = 0; bi < B; bi++) {
    const ao = bi * M * K, bo = bi * K * N, co = bi * M * N;
    for (let i = 0; i < M; i++) {
      const row = co + i * N;
      for (let k = 0; k < K; k++) {
        const x = A[ao + i * K + k]!;
        const brow = bo + k * N;
        if (f32) for (let j = 0; j < N; j++) C[row + j] = Math.fround(C[row + j]! + Math.fround(x * Bd[brow + j]!));
        else for (let j = 0; j < N; j++) C[row + j] = r(C[row + j]! + x * Bd[brow + j]!);
      }
    }
  }
}

/** C[b, m, n] += A[b, m, k] * B[b, k, n], in i-k-j order (each C element still sums k in order). */
function contraction(op: Operation, batched: boolean): ReturnType<OpImpl> | undefined {
  const ar = arithFor(op, 2);
  if (!ar) return undefined;
  const { mul, add, load } = ar;
  return {
    run: (args) => {
      const [a, b, c0] = args as Tensor[];
      const bounds = checkedBounds(op, [a!, b!, c0!]);
      const [B, M, N, K] = batched ? bounds : [1, ...bounds];
      const c = cloneTensor(c0!);
      const A = a!.data as Num, Bd = b!.data as Num, C = c.data as Num;
      if (ar.float) {
        floatContraction(ar.float === "f32", A as Float32Array | Float64Array, Bd as Float32Array | Float64Array, C as Float32Array | Float64Array, B!, M!, N!, K!);
        return [c];
      }
      for (let bi = 0; bi < B!; bi++) {
        const ao = bi * M! * K!, bo = bi * K! * N!, co = bi * M! * N!;
        for (let i = 0; i < M!; i++) {
          const row = co + i * N!;
          for (let k = 0; k < K!; k++) {
            const x = load(A, ao + i * K! + k);
            const brow = bo + k * N!;
            for (let j = 0; j < N!; j++) C[row + j] = add(C[row + j]!, mul(x, load(Bd, brow + j)));
          }
        }
      }
      return [c];
    },
  };
}

const pairOf = (op: Operation, name: string): [number, number] => {
  const a = op.getAttr(name);
  return a instanceof DenseElementsAttr ? [Number(a.at(0)), Number(a.at(1))] : [1, 1];
};

/** O[n, f, oh, ow] += I[n, c, oh*sh + kh*dh, ow*sw + kw*dw] * K[f, c, kh, kw]. */
function conv(op: Operation): ReturnType<OpImpl> | undefined {
  const ar = arithFor(op, 2);
  if (!ar) return undefined;
  const { mul, add, load } = ar;
  const [sh, sw] = pairOf(op, "strides"), [dh, dw] = pairOf(op, "dilations");
  return {
    run: (args) => {
      const [x, w, o0] = args as Tensor[];
      const [N, F, OH, OW, C, KH, KW] = checkedBounds(op, [x!, w!, o0!]) as [number, number, number, number, number, number, number];
      const [, , H, W] = x!.shape as [number, number, number, number];
      const o = cloneTensor(o0!);
      const X = x!.data as Num, Wd = w!.data as Num, O = o.data as Num;
      let oi = 0;
      for (let n = 0; n < N; n++) for (let f = 0; f < F; f++) for (let oh = 0; oh < OH; oh++) for (let ow = 0; ow < OW; ow++, oi++) {
        let acc = O[oi]!;
        for (let c = 0; c < C; c++) {
          const xBase = (n * C + c) * H, wBase = (f * C + c) * KH;
          for (let kh = 0; kh < KH; kh++) {
            const xRow = (xBase + oh * sh + kh * dh) * W + ow * sw, wRow = (wBase + kh) * KW;
            for (let kw = 0; kw < KW; kw++) acc = add(acc, mul(load(X, xRow + kw * dw), load(Wd, wRow + kw)));
          }
        }
        O[oi] = acc;
      }
      return [o];
    },
  };
}

/** O[n, c, oh, ow] = reduce(O, I[n, c, oh*sh + kh*dh, ow*sw + kw*dw]) over (kh, kw); float only. */
function pool(op: Operation, kind: "max" | "sum"): ReturnType<OpImpl> | undefined {
  const dts = op.operandValues.map((v) => dtypeOf(elementTypeOf(v.type)));
  const out = dts[2];
  if (!((out === "f32" || out === "f64") && dts[0] === out)) return undefined;
  const r = out === "f32" ? Math.fround : (x: number) => x;
  // arith.maximumf: NaN if either is NaN, else the larger (Math.max agrees, including -0 < +0).
  const red = kind === "max" ? (a: number, b: number) => Math.max(a, b) : (a: number, b: number) => r(a + b);
  const [sh, sw] = pairOf(op, "strides"), [dh, dw] = pairOf(op, "dilations");
  return {
    run: (args) => {
      const [x, k, o0] = args as Tensor[];
      const [N, C, OH, OW, KH, KW] = checkedBounds(op, [x!, k!, o0!]) as [number, number, number, number, number, number];
      const [, , H, W] = x!.shape as [number, number, number, number];
      const o = cloneTensor(o0!);
      const X = x!.data as Num, O = o.data as Num;
      let oi = 0;
      for (let nc = 0; nc < N * C; nc++) for (let oh = 0; oh < OH; oh++) for (let ow = 0; ow < OW; ow++, oi++) {
        let acc = O[oi]!;
        for (let kh = 0; kh < KH; kh++) {
          const row = (nc * H + oh * sh + kh * dh) * W + ow * sw;
          for (let kw = 0; kw < KW; kw++) acc = red(acc, X[row + kw * dw]!);
        }
        O[oi] = acc;
      }
      return [o];
    },
  };
}

export const fastKernels: Record<string, Kernel> = {
  "linalg.matmul": (op) => contraction(op, false),
  "linalg.batch_matmul": (op) => contraction(op, true),
  "linalg.conv_2d_nchw_fchw": conv,
  "linalg.pooling_nchw_max": (op) => pool(op, "max"),
  "linalg.pooling_nchw_sum": (op) => pool(op, "sum"),
};
