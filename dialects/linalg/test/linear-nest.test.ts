// The linear loop nest (coalesced loops, innermost loop on typed arrays, recognized float bodies)
// against naive reference loops written here in the same visiting order: results must be
// bit-identical, integers exact.
import { AffineMap, Tensor, printExpr, type AffineExpr } from "@zkmlir/core";
import { coalesce } from "../src/interp/linear-nest.js";
import { refineLoops } from "../src/interp/loop-refine.js";
import { outputInnermost } from "../src/interp/loop-order.js";
import { run } from "./helpers.js";

const vals = (t: unknown) => Array.from((t as Tensor).data as ArrayLike<number | bigint>);
/** Deterministic pseudo-random f32 values in [-1, 1) (an LCG: the test must not depend on Math.random). */
function noise(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return Math.fround(s / 2 ** 31 - 1); });
}

test("coalesce drops unit loops and merges loops every operand walks contiguously", () => {
  // out[i, j, k] = in[i, j, k] over 2x1x3x4: one loop of 24.
  expect(coalesce([2, 1, 3, 4], [[12, 12, 4, 1], [12, 12, 4, 1]])).toEqual({ bounds: [24], strides: [[1], [1]], origin: [-1] });
  // A transpose keeps both loops; a broadcast (stride 0) merges only where it is contiguous too.
  expect(coalesce([3, 4], [[4, 1], [1, 3]])).toEqual({ bounds: [3, 4], strides: [[4, 1], [1, 3]], origin: [0, 1] });
  expect(coalesce([2, 3, 4], [[0, 0, 0], [12, 4, 1]])).toEqual({ bounds: [24], strides: [[0], [1]], origin: [-1] });
  expect(coalesce([2, 3, 4], [[1, 0, 0], [12, 4, 1]])).toEqual({ bounds: [2, 12], strides: [[1, 0], [12, 1]], origin: [0, -1] });
  // A non-linear loop (NaN stride) is never merged.
  expect(coalesce([2, 3, 4], [[NaN, 4, 1], [12, 4, 1]])).toEqual({ bounds: [2, 12], strides: [[NaN, 1], [12, 1]], origin: [0, -1] });
});

const CONV = (mul: string, add: string) => `
#in = affine_map<(n, f, oh, ow, c, kh, kw) -> (n, c, oh * 2 + kh, ow * 2 + kw)>
#w = affine_map<(n, f, oh, ow, c, kh, kw) -> (f, c, kh, kw)>
#o = affine_map<(n, f, oh, ow, c, kh, kw) -> (n, f, oh, ow)>
func.func @f(%x: tensor<1x3x9x9xf32>, %k: tensor<4x3x3x3xf32>, %init: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = linalg.generic {indexing_maps = [#in, #w, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%x, %k : tensor<1x3x9x9xf32>, tensor<4x3x3x3xf32>) outs(%init : tensor<1x4x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = ${mul} : f32
    %s = ${add} : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}`;

test.each([
  ["arith.mulf %a, %b", "arith.addf %acc, %m"],
  ["arith.mulf %b, %a", "arith.addf %m, %acc"],
])("a strided convolution generic (%s; %s) is bit-identical to the naive f32 loop nest", (mul, add) => {
  const x = noise(3 * 81, 1), k = noise(4 * 27, 2), init = noise(64, 3);
  const [r] = run(CONV(mul, add), [Tensor.fromArray("f32", [1, 3, 9, 9], x), Tensor.fromArray("f32", [4, 3, 3, 3], k), Tensor.fromArray("f32", [1, 4, 4, 4], init)]);
  const want: number[] = [];
  for (let f = 0; f < 4; f++) for (let oh = 0; oh < 4; oh++) for (let ow = 0; ow < 4; ow++) {
    let acc = init[(f * 4 + oh) * 4 + ow]!;
    for (let c = 0; c < 3; c++) for (let kh = 0; kh < 3; kh++) for (let kw = 0; kw < 3; kw++) {
      acc = Math.fround(acc + Math.fround(x[(c * 9 + oh * 2 + kh) * 9 + ow * 2 + kw]! * k[((f * 3 + c) * 3 + kh) * 3 + kw]!));
    }
    want.push(acc);
  }
  expect(vals(r)).toEqual(want);
});

test("max pooling generic: NaN propagates, +0 beats -0, windows overlap", () => {
  const src = `func.func @f(%x: tensor<1x5xf32>, %w: tensor<3xf32>, %init: tensor<1x3xf32>) -> tensor<1x3xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(i, j, r) -> (i, j + r)>, affine_map<(i, j, r) -> (r)>, affine_map<(i, j, r) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x, %w : tensor<1x5xf32>, tensor<3xf32>) outs(%init : tensor<1x3xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %m = arith.maximumf %acc, %a : f32
      linalg.yield %m : f32
    } -> tensor<1x3xf32>
    return %0 : tensor<1x3xf32>
  }`;
  const ninf = -Infinity;
  const [r] = run(src, [Tensor.fromArray("f32", [1, 5], [-0, 0, -0, NaN, -1]), Tensor.fromArray("f32", [3], [0, 0, 0]), Tensor.fromArray("f32", [1, 3], [ninf, ninf, ninf])]);
  const got = vals(r) as number[];
  expect(Object.is(got[0], 0)).toBe(true);
  expect(got[1]).toBeNaN();
  expect(got[2]).toBeNaN();
});

test("f64 sum reduction along a non-innermost dimension and an elementwise multiply-accumulate", () => {
  const sum = `func.func @f(%x: tensor<3x4xf64>, %init: tensor<4xf64>) -> tensor<4xf64> {
    %0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x4xf64>) outs(%init : tensor<4xf64>) {
    ^bb0(%a: f64, %acc: f64):
      %s = arith.addf %acc, %a : f64
      linalg.yield %s : f64
    } -> tensor<4xf64>
    return %0 : tensor<4xf64>
  }`;
  const x = [0.1, 0.2, 0.3, 0.4, 1e16, 1, -1e16, 2, 3, 4, 5, 6];
  const [s] = run(sum, [Tensor.fromArray("f64", [3, 4], x), Tensor.fromArray("f64", [4], [0, 0, 0, 0])]);
  expect(vals(s)).toEqual([0, 1, 2, 3].map((i) => 0 + x[i]! + x[4 + i]! + x[8 + i]!));
  const macc = `func.func @f(%a: tensor<6xf32>, %b: tensor<6xf32>, %c: tensor<6xf32>) -> tensor<6xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%a, %b : tensor<6xf32>, tensor<6xf32>) outs(%c : tensor<6xf32>) {
    ^bb0(%x: f32, %y: f32, %o: f32):
      %m = arith.mulf %x, %y : f32
      %s = arith.addf %o, %m : f32
      linalg.yield %s : f32
    } -> tensor<6xf32>
    return %0 : tensor<6xf32>
  }`;
  const a = noise(6, 4), b = noise(6, 5), c = noise(6, 6);
  const [m] = run(macc, [a, b, c].map((v) => Tensor.fromArray("f32", [6], v)));
  expect(vals(m)).toEqual(a.map((v, i) => Math.fround(c[i]! + Math.fround(v * b[i]!))));
});

test("integer bodies stay exact: i64 transpose copy beyond 2^53, i32 multiply-accumulate wraps, i64 fill", () => {
  const tr = `func.func @f(%x: tensor<2x3xi64>, %e: tensor<3x2xi64>) -> tensor<3x2xi64> {
    %0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<2x3xi64>) outs(%e : tensor<3x2xi64>) {
    ^bb0(%a: i64, %o: i64):
      linalg.yield %a : i64
    } -> tensor<3x2xi64>
    return %0 : tensor<3x2xi64>
  }`;
  const big = [2n ** 60n + 1n, -(2n ** 62n) - 3n, 5n, 2n ** 53n + 1n, -1n, 7n];
  const [t] = run(tr, [Tensor.fromArray("i64", [2, 3], big), Tensor.fromArray("i64", [3, 2], [0n, 0n, 0n, 0n, 0n, 0n])]);
  expect(vals(t)).toEqual([big[0], big[3], big[1], big[4], big[2], big[5]]);
  const dot = `func.func @f(%a: tensor<3xi32>, %b: tensor<3xi32>, %c: tensor<i32>) -> tensor<i32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(k) -> (k)>, affine_map<(k) -> (k)>, affine_map<(k) -> ()>], iterator_types = ["reduction"]} ins(%a, %b : tensor<3xi32>, tensor<3xi32>) outs(%c : tensor<i32>) {
    ^bb0(%x: i32, %y: i32, %o: i32):
      %m = arith.muli %x, %y : i32
      %s = arith.addi %o, %m : i32
      linalg.yield %s : i32
    } -> tensor<i32>
    return %0 : tensor<i32>
  }`;
  const [d] = run(dot, [Tensor.fromArray("i32", [3], [65536, 3, -7]), Tensor.fromArray("i32", [3], [65536, 5, 9]), Tensor.fromArray("i32", [], [1])]);
  expect(vals(d)).toEqual([(Math.imul(65536, 65536) + 15 - 63 + 1) | 0]);
  const fill = `func.func @f(%v: i64, %e: tensor<2x2xi64>) -> tensor<2x2xi64> {
    %0 = linalg.fill ins(%v : i64) outs(%e : tensor<2x2xi64>) -> tensor<2x2xi64>
    return %0 : tensor<2x2xi64>
  }`;
  const [fl] = run(fill, [2n ** 62n + 9n, Tensor.fromArray("i64", [2, 2], [0n, 0n, 0n, 0n])]);
  expect(vals(fl)).toEqual(Array(4).fill(2n ** 62n + 9n));
});

test("mod/floordiv maps (grouped convolution, channel shuffle, broadcast by mod) match a naive loop; an out-of-bounds one still fails", () => {
  // Grouped 1x1 convolution, 2 groups of 2 channels: out[f, p] += x[f floordiv 2 * 2 + c, p] * w[f, c].
  const grouped = `func.func @f(%x: tensor<4x5xf32>, %w: tensor<4x2xf32>, %init: tensor<4x5xf32>) -> tensor<4x5xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(f, p, c) -> (f floordiv 2 * 2 + c, p)>, affine_map<(f, p, c) -> (f, c)>, affine_map<(f, p, c) -> (f, p)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x, %w : tensor<4x5xf32>, tensor<4x2xf32>) outs(%init : tensor<4x5xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %m = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %m : f32
      linalg.yield %s : f32
    } -> tensor<4x5xf32>
    return %0 : tensor<4x5xf32>
  }`;
  const x = noise(20, 7), w = noise(8, 8), init = noise(20, 9);
  const [g] = run(grouped, [Tensor.fromArray("f32", [4, 5], x), Tensor.fromArray("f32", [4, 2], w), Tensor.fromArray("f32", [4, 5], init)]);
  const want: number[] = [];
  for (let f = 0; f < 4; f++) for (let p = 0; p < 5; p++) {
    let acc = init[f * 5 + p]!;
    for (let c = 0; c < 2; c++) acc = Math.fround(acc + Math.fround(x[(Math.floor(f / 2) * 2 + c) * 5 + p]! * w[f * 2 + c]!));
    want.push(acc);
  }
  expect(vals(g)).toEqual(want);
  // Channel shuffle (6 channels, 2 groups) plus a broadcast by `c mod 2`, in an i64 body.
  const shuffle = `func.func @f(%x: tensor<6x3xi64>, %y: tensor<2x3xi64>, %e: tensor<6x3xi64>) -> tensor<6x3xi64> {
    %0 = linalg.generic {indexing_maps = [affine_map<(c, p) -> (c mod 2 * 3 + c floordiv 2, p)>, affine_map<(c, p) -> (c mod 2, p)>, affine_map<(c, p) -> (c, p)>], iterator_types = ["parallel", "parallel"]} ins(%x, %y : tensor<6x3xi64>, tensor<2x3xi64>) outs(%e : tensor<6x3xi64>) {
    ^bb0(%a: i64, %b: i64, %o: i64):
      %s = arith.addi %a, %b : i64
      %t = arith.addi %s, %o : i64
      linalg.yield %t : i64
    } -> tensor<6x3xi64>
    return %0 : tensor<6x3xi64>
  }`;
  const xs = Array.from({ length: 18 }, (_, i) => 2n ** 60n + BigInt(i));
  const ys = Array.from({ length: 6 }, (_, i) => BigInt(i * 1000));
  const [sh] = run(shuffle, [Tensor.fromArray("i64", [6, 3], xs), Tensor.fromArray("i64", [2, 3], ys), Tensor.fromArray("i64", [6, 3], Array.from({ length: 18 }, (_, i) => BigInt(i)))]);
  const wantSh: bigint[] = [];
  for (let c = 0; c < 6; c++) for (let p = 0; p < 3; p++) wantSh.push(xs[((c % 2) * 3 + Math.floor(c / 2)) * 3 + p]! + ys[(c % 2) * 3 + p]! + BigInt(c * 3 + p));
  expect(vals(sh)).toEqual(wantSh);
  const oob = `func.func @f(%x: tensor<3xf32>, %e: tensor<4xf32>) -> tensor<4xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(i) -> (i mod 4)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%x : tensor<3xf32>) outs(%e : tensor<4xf32>) {
    ^bb0(%a: f32, %o: f32):
      linalg.yield %a : f32
    } -> tensor<4xf32>
    return %0 : tensor<4xf32>
  }`;
  expect(() => run(oob, [Tensor.fromArray("f32", [3], [1, 2, 3]), Tensor.fromArray("f32", [4], [0, 0, 0, 0])])).toThrow(/operand #0 dimension 0 \(size 3\) indexed at 3 by 'd0 mod 4'/);
});

test("refineLoops folds in-range mod/floordiv and splits loops read by floordiv/mod; a reshape-like copy stays exact", () => {
  const d = (pos: number): AffineExpr => ({ kind: "dim", pos });
  const c = (value: number): AffineExpr => ({ kind: "const", value });
  const b = (kind: "add" | "mul" | "mod" | "floordiv", lhs: AffineExpr, rhs: AffineExpr): AffineExpr => ({ kind, lhs, rhs });
  // (d1 * 16 + d2) mod 192 over d1 < 4, d2 < 16 is the sum itself.
  const folded = refineLoops([new AffineMap(3, 0, [b("mod", b("add", b("mul", d(1), c(16)), d(2)), c(192))])], [1, 4, 16]);
  expect(folded.bounds).toEqual([1, 4, 16]);
  expect(printExpr(folded.maps[0]!.results[0]!)).toBe("d1 * 16 + d2");
  // (d0, d1) -> (d1 floordiv 16, d0, d1 mod 16) over 2x64: d1 becomes (hi < 4, lo < 16).
  const split = refineLoops([new AffineMap(2, 0, [b("floordiv", d(1), c(16)), d(0), b("mod", d(1), c(16))]), new AffineMap(2, 0, [d(0), d(1)])], [2, 64]);
  expect(split.bounds).toEqual([2, 4, 16]);
  expect(split.maps.map((m) => m.results.map((e) => printExpr(e)).join(", "))).toEqual(["d1, d0, d2", "d0, d1 * 16 + d2"]);
  const src = `func.func @f(%x: tensor<4x2x16xf32>, %e: tensor<2x64xf32>) -> tensor<2x64xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j floordiv 16, i, j mod 16)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<4x2x16xf32>) outs(%e : tensor<2x64xf32>) {
    ^bb0(%a: f32, %o: f32):
      linalg.yield %a : f32
    } -> tensor<2x64xf32>
    return %0 : tensor<2x64xf32>
  }`;
  const x = noise(128, 10);
  const [r] = run(src, [Tensor.fromArray("f32", [4, 2, 16], x), Tensor.fromArray("f32", [2, 64], new Array<number>(128).fill(0))]);
  const want: number[] = [];
  for (let i = 0; i < 2; i++) for (let j = 0; j < 64; j++) want.push(x[(Math.floor(j / 16) * 2 + i) * 16 + (j % 16)]!);
  expect(vals(r)).toEqual(want);
});

test("linalg.index in a linear nest sees every loop index (unit and transposed loops included)", () => {
  // out[i, u, j] = in[j, i] * 100 + i * 10 + j + u, over 2x1x3.
  const src = `func.func @f(%x: tensor<3x2xi32>, %e: tensor<2x1x3xi32>) -> tensor<2x1x3xi32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(i, u, j) -> (j, i)>, affine_map<(i, u, j) -> (i, u, j)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<3x2xi32>) outs(%e : tensor<2x1x3xi32>) {
    ^bb0(%a: i32, %o: i32):
      %i = linalg.index 0 : index
      %u = linalg.index 1 : index
      %j = linalg.index 2 : index
      %c10 = arith.constant 10 : index
      %c100 = arith.constant 100 : i32
      %t = arith.muli %i, %c10 : index
      %s = arith.addi %t, %j : index
      %w = arith.addi %s, %u : index
      %v = arith.index_cast %w : index to i32
      %m = arith.muli %a, %c100 : i32
      %r = arith.addi %m, %v : i32
      linalg.yield %r : i32
    } -> tensor<2x1x3xi32>
    return %0 : tensor<2x1x3xi32>
  }`;
  const x = [1, 2, 3, 4, 5, 6];
  const [r] = run(src, [Tensor.fromArray("i32", [3, 2], x), Tensor.fromArray("i32", [2, 1, 3], [0, 0, 0, 0, 0, 0])]);
  const want: number[] = [];
  for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) want.push(x[j * 2 + i]! * 100 + i * 10 + j);
  expect(vals(r)).toEqual(want);
});

test("outputInnermost moves the output's two fastest loops inward only for projected-permutation outputs", () => {
  const d = (pos: number): AffineExpr => ({ kind: "dim", pos });
  // matmul (i, j, k): out[i, j] strides (4, 1, 0); A[i, k] (3, 0, 1); B[k, j] (0, 1, 4) -> order (k, i, j).
  const access = [{ base: 0, stride: [3, 0, 1] }, { base: 0, stride: [0, 1, 4] }, { base: 0, stride: [4, 1, 0] }];
  expect(outputInnermost(new AffineMap(3, 0, [d(0), d(1)]), [2, 4, 3], access)).toEqual({
    bounds: [3, 2, 4],
    access: [{ base: 0, stride: [1, 3, 0] }, { base: 0, stride: [4, 0, 1] }, { base: 0, stride: [0, 4, 1] }],
  });
  // A repeated loop (a diagonal) or an expression in the output map: order kept.
  expect(outputInnermost(new AffineMap(3, 0, [d(0), d(0)]), [2, 4, 3], access)).toBeUndefined();
  expect(outputInnermost(new AffineMap(3, 0, [d(0), { kind: "add", lhs: d(1), rhs: d(2) }]), [2, 4, 3], access)).toBeUndefined();
  // A split (non-linear) access keeps the order its loop numbering assumes.
  expect(outputInnermost(new AffineMap(3, 0, [d(0), d(1)]), [2, 4, 3], [...access.slice(0, 2), { ...access[2]!, extra: () => 0 }])).toBeUndefined();
});
