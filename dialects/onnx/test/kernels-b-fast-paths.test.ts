// The blocked MatMul/Gemm/Conv/ConvTranspose kernels against naive float64 loops written straight
// from the ONNX formulas, on sizes that hit every tail (M, K not multiples of 4), strided and
// transposed operands, groups, dilations, asymmetric pads, 1-D/3-D and multi-chunk convolutions.
import type { Tensor } from "@zkmlir/core";
import { run1, t } from "./kernels-b-helpers.js";

/** Deterministic values in [-1, 1) with a few exact zeros. */
function rand(shape: number[], seed: number, dtype: "f32" | "f64" = "f32"): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  let s = seed >>> 0;
  const v = Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % 17 === 0 ? 0 : s / 2 ** 31 - 1;
  });
  return t(dtype, shape, v);
}
const vals = (x: Tensor): number[] => Array.from(x.data as ArrayLike<number>);

/** Element-wise |got - want| <= 1e-5 * (1 + |want|): float64 reassociation plus one f32 rounding. */
function expectNear(got: Tensor, want: number[], shape: number[]): void {
  expect(got.shape).toEqual(shape);
  const g = vals(got);
  expect(g.length).toBe(want.length);
  let worst = 0;
  g.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - want[i]!) / (1 + Math.abs(want[i]!))); });
  expect(worst).toBeLessThanOrEqual(1e-5);
}

const size = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);
function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) { idx[d] = i % shape[d]!; i = Math.floor(i / shape[d]!); }
  return idx;
}
const ravel = (idx: readonly number[], shape: readonly number[]): number => idx.reduce((acc, v, d) => acc * shape[d]! + v, 0);

function naiveMatMul(a: number[], b: number[], M: number, K: number, N: number, at = false, bt = false): number[] {
  const y: number[] = [];
  for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += a[at ? k * M + i : i * K + k]! * b[bt ? j * K + k : k * N + j]!;
    y.push(s);
  }
  return y;
}

interface ConvCase { x: number[]; w: number[]; kernel: number[]; strides: number[]; dilations: number[]; pads: number[]; group: number }

/** Conv straight from the definition: y[n,m,o] = b[m] + sum_{c,k} x[n, g*Cg + c, o*s - pb + k*d] * w[m,c,k]. */
function naiveConv(X: Tensor, W: Tensor, bias: number[] | undefined, a: Omit<ConvCase, "x" | "w" | "kernel">): { y: number[]; shape: number[] } {
  const x = vals(X), w = vals(W), [N, C] = X.shape as [number, number], [M, Cg] = W.shape as [number, number];
  const inD = X.shape.slice(2), kD = W.shape.slice(2), r = inD.length;
  const outD = inD.map((v, d) => Math.floor((v + a.pads[d]! + a.pads[d + r]! - (kD[d]! - 1) * a.dilations[d]! - 1) / a.strides[d]!) + 1);
  const y: number[] = [];
  for (let n = 0; n < N; n++) for (let m = 0; m < M; m++) for (let p = 0; p < size(outD); p++) {
    const o = unravel(p, outD);
    let s = bias ? bias[m]! : 0;
    const c0 = Math.floor(m / (M / a.group)) * Cg;
    for (let c = 0; c < Cg; c++) for (let k = 0; k < size(kD); k++) {
      const kk = unravel(k, kD), pos = o.map((v, d) => v * a.strides[d]! - a.pads[d]! + kk[d]! * a.dilations[d]!);
      if (pos.some((v, d) => v < 0 || v >= inD[d]!)) continue;
      s += x[(n * C + c0 + c) * size(inD) + ravel(pos, inD)]! * w[(m * Cg + c) * size(kD) + k]!;
    }
    y.push(s);
  }
  return { y, shape: [N, M, ...outD] };
}

/** ConvTranspose by scatter: y[n, m, i*s - pb + k*d] += x[n,c,i] * w[c, m - g*Mg, k], cropped to the output. */
function naiveConvTranspose(X: Tensor, W: Tensor, bias: number[] | undefined, a: Omit<ConvCase, "x" | "w" | "kernel">): { y: number[]; shape: number[] } {
  const x = vals(X), w = vals(W), [N, C] = X.shape as [number, number], Mg = W.shape[1]!, M = Mg * a.group, Cg = C / a.group;
  const inD = X.shape.slice(2), kD = W.shape.slice(2), r = inD.length;
  const outD = inD.map((v, d) => a.strides[d]! * (v - 1) + (kD[d]! - 1) * a.dilations[d]! + 1 - a.pads[d]! - a.pads[d + r]!);
  const y = new Array<number>(N * M * size(outD)).fill(0);
  for (let n = 0; n < N; n++) for (let m = 0; m < M; m++) {
    const base = (n * M + m) * size(outD), gi = Math.floor(m / Mg);
    for (let p = 0; p < size(outD); p++) y[base + p] = bias ? bias[m]! : 0;
    for (let c = gi * Cg; c < (gi + 1) * Cg; c++) for (let i = 0; i < size(inD); i++) for (let k = 0; k < size(kD); k++) {
      const ii = unravel(i, inD), kk = unravel(k, kD), pos = ii.map((v, d) => v * a.strides[d]! - a.pads[d]! + kk[d]! * a.dilations[d]!);
      if (pos.some((v, d) => v < 0 || v >= outD[d]!)) continue;
      y[base + ravel(pos, outD)]! += x[(n * C + c) * size(inD) + i]! * w[(c * Mg + m - gi * Mg) * size(kD) + k]!;
    }
  }
  return { y, shape: [N, M, ...outD] };
}

describe("MatMul and Gemm fast paths", () => {
  test.each([[1, 1, 1], [3, 5, 7], [4, 4, 4], [9, 13, 6], [17, 3, 33], [1, 64, 10]])("MatMul %ix%ix%i", (M, K, N) => {
    const A = rand([M, K], M * 7 + K), B = rand([K, N], N * 3 + 1);
    expectNear(run1("MatMul", [A, B]), naiveMatMul(vals(A), vals(B), M, K, N), [M, N]);
  });
  test("batched f64 MatMul with a broadcast right operand", () => {
    const A = rand([3, 5, 6], 11, "f64"), B = rand([6, 7], 12, "f64");
    const want = [0, 1, 2].flatMap((i) => naiveMatMul(vals(A).slice(i * 30, i * 30 + 30), vals(B), 5, 6, 7));
    const got = run1("MatMul", [A, B]);
    expect(got.dtype).toBe("f64");
    expectNear(got, want, [3, 5, 7]);
  });
  test.each([[0, 0], [1, 0], [0, 1], [1, 1]])("Gemm transA=%i transB=%i with alpha, beta and a column C", (ta, tb) => {
    const [M, K, N] = [6, 9, 5];
    const A = rand(ta ? [K, M] : [M, K], 21), B = rand(tb ? [N, K] : [K, N], 22), Cm = rand([M, 1], 23);
    const prod = naiveMatMul(vals(A), vals(B), M, K, N, ta === 1, tb === 1);
    const want = prod.map((v, i) => 0.5 * v + 2 * vals(Cm)[Math.floor(i / N)]!);
    expectNear(run1("Gemm", [A, B, Cm], { transA: ta, transB: tb, alpha: 0.5, beta: 2 }), want, [M, N]);
  });
});

const convCases: [string, number[], number[], Omit<ConvCase, "x" | "w" | "kernel">, boolean][] = [
  ["2-D pads 1", [1, 3, 7, 6], [5, 3, 3, 3], { strides: [1, 1], dilations: [1, 1], pads: [1, 1, 1, 1], group: 1 }, true],
  ["2-D stride 2, asymmetric pads", [2, 2, 9, 8], [3, 2, 3, 2], { strides: [2, 3], dilations: [1, 1], pads: [0, 2, 1, 0], group: 1 }, false],
  ["2-D dilation 2", [1, 4, 10, 9], [6, 4, 3, 3], { strides: [1, 1], dilations: [2, 2], pads: [2, 1, 2, 3], group: 1 }, true],
  ["2-D groups 2", [1, 6, 6, 6], [4, 3, 3, 3], { strides: [1, 1], dilations: [1, 1], pads: [1, 1, 1, 1], group: 2 }, true],
  ["depthwise", [1, 5, 5, 7], [5, 1, 3, 3], { strides: [2, 1], dilations: [1, 1], pads: [1, 1, 1, 1], group: 5 }, true],
  ["1-D", [2, 3, 11], [4, 3, 4], { strides: [2], dilations: [2], pads: [3, 1], group: 1 }, true],
  ["3-D", [1, 2, 4, 5, 6], [3, 2, 2, 3, 2], { strides: [1, 2, 1], dilations: [1, 1, 2], pads: [1, 0, 1, 0, 1, 1], group: 1 }, true],
  ["kernel larger than padded input rows", [1, 1, 2, 2], [1, 1, 3, 3], { strides: [1, 1], dilations: [1, 1], pads: [1, 1, 1, 1], group: 1 }, false],
];

describe("Conv fast paths", () => {
  test.each(convCases)("%s", (_name, xs, ws, a, withBias) => {
    const X = rand(xs, 31), W = rand(ws, 32), B = withBias ? rand([ws[0]!], 33) : undefined;
    const { y, shape } = naiveConv(X, W, B && vals(B), a);
    expectNear(run1("Conv", [X, W, B], { ...a }), y, shape);
  });
  test("many input channels: im2col is split into several row chunks", () => {
    const X = rand([1, 128, 40, 24], 41), W = rand([1, 128, 3, 3], 42), a = { strides: [1, 1], dilations: [1, 1], pads: [1, 1, 1, 1], group: 1 };
    const { y, shape } = naiveConv(X, W, undefined, a);
    expectNear(run1("Conv", [X, W], a), y, shape);
  });
  test("f64 stays f64", () => {
    const X = rand([1, 2, 5, 5], 51, "f64"), W = rand([3, 2, 3, 3], 52, "f64"), a = { strides: [1, 1], dilations: [1, 1], pads: [0, 0, 0, 0], group: 1 };
    const got = run1("Conv", [X, W], a);
    expect(got.dtype).toBe("f64");
    expectNear(got, naiveConv(X, W, undefined, a).y, [1, 3, 3, 3]);
  });
});

const convTCases: [string, number[], number[], Omit<ConvCase, "x" | "w" | "kernel">, boolean][] = [
  ["2-D stride 2 pads 1", [1, 3, 4, 5], [3, 4, 4, 4], { strides: [2, 2], dilations: [1, 1], pads: [1, 1, 1, 1], group: 1 }, true],
  ["2-D stride 3, dilation 2, asymmetric pads", [2, 2, 3, 4], [2, 3, 3, 2], { strides: [3, 1], dilations: [2, 1], pads: [0, 1, 2, 0], group: 1 }, false],
  ["2-D groups 2", [1, 4, 5, 5], [4, 3, 3, 3], { strides: [1, 1], dilations: [1, 1], pads: [1, 1, 1, 1], group: 2 }, true],
  ["1-D", [1, 3, 7], [3, 5, 3], { strides: [2], dilations: [1], pads: [0, 0], group: 1 }, true],
  ["3-D", [1, 2, 3, 3, 4], [2, 3, 2, 2, 3], { strides: [2, 1, 2], dilations: [1, 2, 1], pads: [0, 1, 1, 1, 0, 0], group: 1 }, false],
];

describe("ConvTranspose fast paths", () => {
  test.each(convTCases)("%s", (_name, xs, ws, a, withBias) => {
    const X = rand(xs, 61), W = rand(ws, 62), B = withBias ? rand([ws[1]! * a.group], 63) : undefined;
    const { y, shape } = naiveConvTranspose(X, W, B && vals(B), a);
    expectNear(run1("ConvTranspose", [X, W, B], { ...a }), y, shape);
  });
});
