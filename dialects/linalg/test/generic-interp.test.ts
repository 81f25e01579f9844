// linalg.generic / fill / matmul in the reference interpreter, checked against hand-computed values.
import { Tensor } from "@zkmlir/core";
import { Interpreter } from "@zkmlir/core";
import { run, parse, impls } from "./helpers.js";

const f32 = (shape: number[], v: number[]) => Tensor.fromArray("f32", shape, v);
const vals = (t: unknown) => Array.from((t as Tensor).data as ArrayLike<number | bigint>);

test("elementwise generic with a transposed input map", () => {
  const src = `#id = affine_map<(d0, d1) -> (d0, d1)>
  #tr = affine_map<(d0, d1) -> (d1, d0)>
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) -> tensor<2x3xf32> {
    %e = tensor.empty() : tensor<2x3xf32>
    %0 = linalg.generic {indexing_maps = [#id, #tr, #id], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<2x3xf32>, tensor<3x2xf32>) outs(%e : tensor<2x3xf32>) {
    ^bb0(%x: f32, %y: f32, %o: f32):
      %s = arith.addf %x, %y : f32
      linalg.yield %s : f32
    } -> tensor<2x3xf32>
    return %0 : tensor<2x3xf32>
  }`;
  const a = f32([2, 3], [1, 2, 3, 4, 5, 6]);
  const b = f32([3, 2], [10, 40, 20, 50, 30, 60]); // b^T = [[10,20,30],[40,50,60]]
  expect(vals(run(src, [a, b])[0])).toEqual([11, 22, 33, 44, 55, 66]);
});

test("reduction accumulates into the out tensor (destination-passing), outs operand unchanged", () => {
  const src = `func.func @f(%a: tensor<2x3xf32>, %init: tensor<2xf32>) -> tensor<2xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<2x3xf32>) outs(%init : tensor<2xf32>) {
    ^bb0(%x: f32, %acc: f32):
      %s = arith.addf %x, %acc : f32
      linalg.yield %s : f32
    } -> tensor<2xf32>
    return %0 : tensor<2xf32>
  }`;
  const init = f32([2], [100, 1000]);
  const [r] = run(src, [f32([2, 3], [1, 2, 3, 4, 5, 6]), init]);
  expect(vals(r)).toEqual([106, 1015]);
  expect(vals(init)).toEqual([100, 1000]);
});

test("linalg.index, integer bodies and a non-linear map (mod)", () => {
  // out[i, j] = i * 10 + j + in[(i + j) mod 3]
  const src = `func.func @f(%a: tensor<3xi32>) -> tensor<2x3xi32> {
    %e = tensor.empty() : tensor<2x3xi32>
    %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> ((d0 + d1) mod 3)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<3xi32>) outs(%e : tensor<2x3xi32>) {
    ^bb0(%x: i32, %o: i32):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %c10 = arith.constant 10 : index
      %t = arith.muli %i, %c10 : index
      %u = arith.addi %t, %j : index
      %v = arith.index_cast %u : index to i32
      %w = arith.addi %v, %x : i32
      linalg.yield %w : i32
    } -> tensor<2x3xi32>
    return %0 : tensor<2x3xi32>
  }`;
  const [r] = run(src, [Tensor.fromArray("i32", [3], [100, 200, 300])]);
  expect(vals(r)).toEqual([0 + 100, 1 + 200, 2 + 300, 10 + 200, 11 + 300, 12 + 100]);
});

test("scalar inputs, fill and f32 rounding of the body", () => {
  const src = `func.func @f(%s: f32, %a: tensor<3xf32>) -> (tensor<3xf32>, tensor<2x2xf32>) {
    %e = tensor.empty() : tensor<3xf32>
    %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> ()>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%s, %a : f32, tensor<3xf32>) outs(%e : tensor<3xf32>) {
    ^bb0(%x: f32, %y: f32, %o: f32):
      %m = arith.mulf %x, %y : f32
      linalg.yield %m : f32
    } -> tensor<3xf32>
    %c = arith.constant 2.5 : f64
    %e2 = tensor.empty() : tensor<2x2xf32>
    %1 = linalg.fill ins(%c : f64) outs(%e2 : tensor<2x2xf32>) -> tensor<2x2xf32>
    return %0, %1 : tensor<3xf32>, tensor<2x2xf32>
  }`;
  const [r, fill] = run(src, [Math.fround(0.1), f32([3], [1, 3, -7])]);
  expect(vals(r)).toEqual([1, 3, -7].map((y) => Math.fround(Math.fround(0.1) * Math.fround(y))));
  expect(vals(fill)).toEqual([2.5, 2.5, 2.5, 2.5]);
});

test("matmul: f32 and i8 x i8 -> i32 with sign extension, wrapping at 32 bits", () => {
  const src = `func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>, %c: tensor<2x2xf32>, %p: tensor<1x2xi8>, %q: tensor<2x1xi8>, %r: tensor<1x1xi32>) -> (tensor<2x2xf32>, tensor<1x1xi32>) {
    %0 = "linalg.matmul"(%a, %b, %c) <{operandSegmentSizes = array<i32: 2, 1>}> ({
    ^bb0(%x: f32, %y: f32, %o: f32):
      %m = arith.mulf %x, %y : f32
      %s = arith.addf %o, %m : f32
      linalg.yield %s : f32
    }) : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
    %1 = "linalg.matmul"(%p, %q, %r) <{operandSegmentSizes = array<i32: 2, 1>}> ({
    ^bb0(%x: i8, %y: i8, %o: i32):
      %xe = arith.extsi %x : i8 to i32
      %ye = arith.extsi %y : i8 to i32
      %m = arith.muli %xe, %ye : i32
      %s = arith.addi %o, %m : i32
      linalg.yield %s : i32
    }) : (tensor<1x2xi8>, tensor<2x1xi8>, tensor<1x1xi32>) -> tensor<1x1xi32>
    return %0, %1 : tensor<2x2xf32>, tensor<1x1xi32>
  }`;
  const [m, q] = run(src, [
    f32([2, 3], [1, 2, 3, 4, 5, 6]), f32([3, 2], [7, 8, 9, 10, 11, 12]), f32([2, 2], [1, 1, 1, 1]),
    Tensor.fromArray("i8", [1, 2], [-128, 127]), Tensor.fromArray("i8", [2, 1], [-128, 2]), Tensor.fromArray("i32", [1, 1], [2147483647]),
  ]);
  expect(vals(m)).toEqual([59, 65, 140, 155]);
  // 2147483647 + 16384 + 254 wraps.
  expect(vals(q)).toEqual([(2147483647 + 16384 + 254) | 0]);
});

test("an out-of-bounds access is a clear error, not a wrong answer", () => {
  const src = `func.func @f(%a: tensor<?xf32>) -> tensor<3xf32> {
    %e = tensor.empty() : tensor<3xf32>
    %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0 + 1)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<?xf32>) outs(%e : tensor<3xf32>) {
    ^bb0(%x: f32, %o: f32):
      linalg.yield %x : f32
    } -> tensor<3xf32>
    return %0 : tensor<3xf32>
  }`;
  expect(vals(run(src, [f32([4], [1, 2, 3, 4])])[0])).toEqual([2, 3, 4]);
  expect(() => run(src, [f32([3], [1, 2, 3])])).toThrow(/linalg.generic: operand #0 dimension 0 \(size 3\) is indexed by 'd0 \+ 1' in \[1, 3\]/);
});

test("the straight-line body fast path and the general region path agree (listener forces the latter)", () => {
  const src = `func.func @f(%a: tensor<2x3xi32>, %k: i32) -> tensor<2x3xi32> {
    %c = arith.constant 7 : i32
    %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<2x3xi32>) outs(%a : tensor<2x3xi32>) {
    ^bb0(%x: i32, %o: i32):
      %j = linalg.index 1 : index
      %ji = arith.index_cast %j : index to i32
      %m = arith.muli %x, %ji : i32
      %s = arith.subi %m, %o : i32
      linalg.yield %s : i32
    } -> tensor<2x3xi32>
    %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%0 : tensor<2x3xi32>) {
    ^bb0(%o: i32):
      %q = arith.muli %o, %c : i32
      %r = arith.addi %q, %k : i32
      linalg.yield %r : i32
    } -> tensor<2x3xi32>
    return %1 : tensor<2x3xi32>
  }`;
  const m = parse(src);
  const a = Tensor.fromArray("i32", [2, 3], [1, 2, 3, -4, 5, 6]);
  const fast = new Interpreter(m, impls).run("f", [a, 100n]);
  const slow = new Interpreter(m, impls);
  const seen: string[] = [];
  slow.addListener((op) => { seen.push(op.name); });
  const r = slow.run("f", [a, 100n]);
  expect(seen).toContain("arith.muli"); // the bodies ran op by op
  // x*j - x, then *7 + 100, by hand: row 0: [-1, 0, 3], row 1: [4, 0, 6]
  expect(vals(fast[0])).toEqual([-1, 0, 3, 4, 0, 6].map((v) => v * 7 + 100));
  expect(vals(r[0])).toEqual(vals(fast[0]));
});
