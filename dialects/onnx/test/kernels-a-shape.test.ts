// Group-A shape and index kernels on small hand-checked cases.
import { KernelError } from "../src/index.js";
import { bigs, bool, f32, i32, i64, nums, run, run1, t } from "./kernels-a-helpers.js";

const x23 = f32([2, 3], [1, 2, 3, 4, 5, 6]);

describe("constants and shapes", () => {
  test("Constant value forms", () => {
    expect(run1("Constant", [], { value_float: 1.5 }).dtype).toBe("f32");
    expect(bigs(run1("Constant", [], { value_ints: [1, 2] }))).toEqual([1n, 2n]);
    expect(nums(run1("Constant", [], { value: x23 }))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => run1("Constant", [], { value_string: "a" })).toThrow(/^unsupported/);
    expect(() => run1("Constant", [], {})).toThrow(KernelError);
  });
  test("ConstantOfShape defaults to f32 zeros and takes the value's dtype", () => {
    const z = run1("ConstantOfShape", [i64([2], [2n, 3n])]);
    expect([z.dtype, z.shape, nums(z)]).toEqual(["f32", [2, 3], [0, 0, 0, 0, 0, 0]]);
    expect(bigs(run1("ConstantOfShape", [i64([1], [2n])], { value: i64([1], [2n ** 60n]) }))).toEqual([2n ** 60n, 2n ** 60n]);
    expect(run1("ConstantOfShape", [i64([0], [])]).shape).toEqual([]);
  });
  test("Range: floats, negative delta, exact int64", () => {
    expect(nums(run1("Range", [f32([], [1]), f32([], [2]), f32([], [0.25])]))).toEqual([1, 1.25, 1.5, 1.75]);
    expect(nums(run1("Range", [i32([], [10]), i32([], [4]), i32([], [-3])]))).toEqual([10, 7]);
    expect(bigs(run1("Range", [i64([], [2n ** 60n]), i64([], [2n ** 60n + 3n]), i64([], [2n])]))).toEqual([2n ** 60n, 2n ** 60n + 2n]);
    expect(run1("Range", [i32([], [5]), i32([], [1]), i32([], [1])]).shape).toEqual([0]);
  });
  test("Shape with start/end and Size", () => {
    const x = f32([2, 3, 4, 1], new Array(24).fill(0));
    expect(bigs(run1("Shape", [x]))).toEqual([2n, 3n, 4n, 1n]);
    expect(bigs(run1("Shape", [x], { start: 1, end: -1 }))).toEqual([3n, 4n]);
    expect(bigs(run1("Shape", [x], { start: -10, end: 10 }))).toEqual([2n, 3n, 4n, 1n]);
    expect(run1("Shape", [x], { start: 3, end: 1 }).shape).toEqual([0]);
    expect(bigs(run1("Size", [x]))).toEqual([24n]);
  });
  test("EyeLike with k and dtype", () => {
    const e = run1("EyeLike", [f32([2, 3], new Array(6).fill(7))], { k: 1, dtype: 6 });
    expect([e.dtype, nums(e)]).toEqual(["i32", [0, 1, 0, 0, 0, 1]]);
  });
});

describe("reshaping", () => {
  test("Reshape: 0 copies, -1 infers, allowzero keeps 0", () => {
    expect(run1("Reshape", [x23, i64([2], [0n, -1n])]).shape).toEqual([2, 3]);
    expect(run1("Reshape", [x23, i64([3], [3n, 1n, -1n])]).shape).toEqual([3, 1, 2]);
    expect(run1("Reshape", [f32([0, 3], []), i64([2], [3n, 0n])], { allowzero: 1 }).shape).toEqual([3, 0]);
    expect(run1("Reshape", [x23], { shape: [6] }).shape).toEqual([6]);
    expect(() => run1("Reshape", [x23, i64([1], [4n])])).toThrow(/element counts differ/);
    expect(() => run1("Reshape", [x23, i64([2], [-1n, -1n])])).toThrow(/more than one -1/);
  });
  test("Flatten, Squeeze, Unsqueeze", () => {
    const x = f32([2, 1, 3], [1, 2, 3, 4, 5, 6]);
    expect(run1("Flatten", [x]).shape).toEqual([2, 3]);
    expect(run1("Flatten", [x], { axis: 0 }).shape).toEqual([1, 6]);
    expect(run1("Flatten", [x], { axis: -1 }).shape).toEqual([2, 3]);
    expect(run1("Squeeze", [x]).shape).toEqual([2, 3]);
    expect(run1("Squeeze", [x, i64([1], [-2n])]).shape).toEqual([2, 3]);
    expect(() => run1("Squeeze", [x, i64([1], [0n])])).toThrow(/is not 1/);
    expect(run1("Unsqueeze", [x23, i64([2], [0n, -1n])]).shape).toEqual([1, 2, 3, 1]);
    expect(run1("Unsqueeze", [x23], { axes: [1] }).shape).toEqual([2, 1, 3]);
    expect(() => run1("Unsqueeze", [x23, i64([2], [0n, 0n])])).toThrow(/repeated axis/);
  });
});

describe("data movement", () => {
  test("Concat and Split are inverse along an axis", () => {
    const c = run1("Concat", [x23, f32([2, 1], [7, 8])], { axis: -1 });
    expect([c.shape, nums(c)]).toEqual([[2, 4], [1, 2, 3, 7, 4, 5, 6, 8]]);
    const [a, b] = run("Split", [c, i64([2], [3n, 1n])], { axis: 1 }, 2);
    expect(nums(a!)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(nums(b!)).toEqual([7, 8]);
    expect(() => run1("Concat", [x23, f32([3, 1], [1, 2, 3])], { axis: 1 })).toThrow(/does not match/);
  });
  test("Split: num_outputs with a smaller last part; equal parts by default", () => {
    const x = f32([7], [0, 1, 2, 3, 4, 5, 6]);
    expect(run("Split", [x], { num_outputs: 3 }, 3).map((p) => p.shape[0])).toEqual([3, 3, 1]);
    expect(run("Split", [f32([4], [0, 1, 2, 3])], {}, 2).map(nums)).toEqual([[0, 1], [2, 3]]);
    expect(run("Split", [x], { split: [2, 5] }, 2).map((p) => p.shape[0])).toEqual([2, 5]);
    expect(() => run("Split", [x, i64([2], [1n, 1n])], {}, 2)).toThrow(/sum to 7/);
  });
  test("Slice: negative steps, clamping, omitted axes", () => {
    const x = f32([5], [0, 1, 2, 3, 4]);
    expect(nums(run1("Slice", [x, i64([1], [-1n]), i64([1], [-9n]), undefined, i64([1], [-2n])]))).toEqual([4, 2, 0]);
    expect(nums(run1("Slice", [x, i64([1], [1n]), i64([1], [9223372036854775807n])]))).toEqual([1, 2, 3, 4]);
    const y = run1("Slice", [x23, i64([1], [1n]), i64([1], [3n]), i64([1], [1n])]);
    expect([y.shape, nums(y)]).toEqual([[2, 2], [2, 3, 5, 6]]);
    expect(nums(run1("Slice", [x23], { starts: [1], ends: [2] }))).toEqual([4, 5, 6]);
    expect(() => run1("Slice", [x, i64([1], [0n]), i64([1], [1n]), undefined, i64([1], [0n])])).toThrow(/step/);
  });
  test("Pad: constant, edge, reflect, wrap, negative pads and axes", () => {
    const x = f32([3], [1, 2, 3]);
    const pads = i64([2], [2n, 2n]);
    expect(nums(run1("Pad", [x, pads, f32([], [9])]))).toEqual([9, 9, 1, 2, 3, 9, 9]);
    expect(nums(run1("Pad", [x, pads], { mode: "edge" }))).toEqual([1, 1, 1, 2, 3, 3, 3]);
    expect(nums(run1("Pad", [x, pads], { mode: "reflect" }))).toEqual([3, 2, 1, 2, 3, 2, 1]);
    expect(nums(run1("Pad", [x, pads], { mode: "wrap" }))).toEqual([2, 3, 1, 2, 3, 1, 2]);
    expect(nums(run1("Pad", [x, i64([2], [-1n, 1n])], { mode: "edge" }))).toEqual([2, 3, 3]);
    const y = run1("Pad", [x23, i64([2], [1n, 0n]), undefined, i64([1], [1n])]);
    expect([y.shape, nums(y)]).toEqual([[2, 4], [0, 1, 2, 3, 0, 4, 5, 6]]);
    expect(nums(run1("Pad", [x], { pads: [1, 0], value: 5 }))).toEqual([5, 1, 2, 3]);
    expect(() => run1("Pad", [x, pads], { mode: "mirror" })).toThrow(/mode/);
  });
  test("Expand, Tile, Transpose", () => {
    const e = run1("Expand", [f32([3, 1], [1, 2, 3]), i64([2], [1n, 2n])]);
    expect([e.shape, nums(e)]).toEqual([[3, 2], [1, 1, 2, 2, 3, 3]]);
    const tl = run1("Tile", [f32([2], [1, 2]), i64([1], [3n])]);
    expect(nums(tl)).toEqual([1, 2, 1, 2, 1, 2]);
    const tr = run1("Transpose", [x23]);
    expect([tr.shape, nums(tr)]).toEqual([[3, 2], [1, 4, 2, 5, 3, 6]]);
    const x = t("i64", [1, 2, 3], [0, 1, 2, 3, 4, 5]);
    const p = run1("Transpose", [x], { perm: [2, 0, 1] });
    expect([p.shape, nums(p)]).toEqual([[3, 1, 2], [0, 3, 1, 4, 2, 5]]);
    expect(() => run1("Transpose", [x23], { perm: [0, 0] })).toThrow(/permutation/);
  });
  test("Trilu upper/lower with k", () => {
    const x = f32([3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(nums(run1("Trilu", [x]))).toEqual([1, 2, 3, 0, 5, 6, 0, 0, 9]);
    expect(nums(run1("Trilu", [x, i64([], [-1n])], { upper: 0 }))).toEqual([0, 0, 0, 4, 0, 0, 7, 8, 0]);
  });
  test("ReverseSequence and Compress", () => {
    const x = f32([3, 2], [0, 1, 2, 3, 4, 5]); // [time, batch]
    expect(nums(run1("ReverseSequence", [x, i64([2], [3n, 2n])]))).toEqual([4, 3, 2, 1, 0, 5]);
    expect(nums(run1("Compress", [x23, bool([2], [0, 1])], { axis: 0 }))).toEqual([4, 5, 6]);
    expect(nums(run1("Compress", [x23, bool([3], [1, 0, 1])]))).toEqual([1, 3]);
  });
});

describe("gather and scatter", () => {
  test("Gather with negative indices on an inner axis", () => {
    const g = run1("Gather", [x23, i64([2], [-1n, 0n])], { axis: 1 });
    expect([g.shape, nums(g)]).toEqual([[2, 2], [3, 1, 6, 4]]);
    expect(run1("Gather", [x23, i64([], [1n])]).shape).toEqual([3]);
    expect(() => run1("Gather", [x23, i64([1], [2n])])).toThrow(/out of range/);
  });
  test("GatherElements and GatherND (batch_dims)", () => {
    expect(nums(run1("GatherElements", [x23, i64([2, 2], [0n, 2n, 1n, 1n])], { axis: 1 }))).toEqual([1, 3, 5, 5]);
    const d = f32([2, 2], [0, 1, 2, 3]);
    expect(nums(run1("GatherND", [d, i64([2, 2], [0n, 0n, 1n, 1n])]))).toEqual([0, 3]);
    expect(nums(run1("GatherND", [d, i64([2, 1], [1n, 0n])]))).toEqual([2, 3, 0, 1]);
    expect(nums(run1("GatherND", [d, i64([2, 1], [1n, 0n])], { batch_dims: 1 }))).toEqual([1, 2]);
  });
  test("ScatterElements with reductions, ScatterND", () => {
    const data = f32([1, 5], [1, 2, 3, 4, 5]);
    const ind = i64([1, 2], [1n, 1n]), upd = f32([1, 2], [10, 20]);
    expect(nums(run1("ScatterElements", [data, ind, upd], { axis: 1 }))).toEqual([1, 20, 3, 4, 5]);
    expect(nums(run1("ScatterElements", [data, ind, upd], { axis: 1, reduction: "add" }))).toEqual([1, 32, 3, 4, 5]);
    expect(nums(run1("ScatterElements", [data, ind, upd], { axis: 1, reduction: "mul" }))).toEqual([1, 400, 3, 4, 5]);
    expect(nums(run1("ScatterElements", [data, i64([1, 1], [-1n]), f32([1, 1], [0])], { axis: 1, reduction: "min" }))).toEqual([1, 2, 3, 4, 0]);
    const nd = run1("ScatterND", [f32([4], [1, 2, 3, 4]), i64([2, 1], [3n, 1n]), f32([2], [9, 10])], { reduction: "add" });
    expect(nums(nd)).toEqual([1, 12, 3, 13]);
  });
  test("OneHot with negative indices and axis", () => {
    const y = run1("OneHot", [i64([3], [0n, -1n, 5n]), f32([], [3]), f32([2], [0, 1])]);
    expect([y.shape, nums(y)]).toEqual([[3, 3], [1, 0, 0, 0, 0, 1, 0, 0, 0]]);
    const z = run1("OneHot", [i64([2], [1n, 0n]), i64([], [2n]), i32([2], [-1, 7])], { axis: 0 });
    expect([z.dtype, z.shape, nums(z)]).toEqual(["i32", [2, 2], [-1, 7, 7, -1]]);
  });
  test("NonZero in row-major order", () => {
    const y = run1("NonZero", [f32([2, 2], [1, 0, 0, 3])]);
    expect([y.shape, bigs(y)]).toEqual([[2, 2], [0n, 1n, 0n, 1n]]);
  });
  test("TopK: largest/smallest, ties by lower index, along an axis", () => {
    const x = f32([2, 4], [1, 3, 3, 2, 0, -1, 5, 5]);
    const [v, i] = run("TopK", [x, i64([1], [2n])], {}, 2);
    expect(nums(v!)).toEqual([3, 3, 5, 5]);
    expect(bigs(i!)).toEqual([1n, 2n, 2n, 3n]);
    const [vs, is] = run("TopK", [x, i64([1], [1n])], { largest: 0, axis: 0 }, 2);
    expect([vs!.shape, nums(vs!), bigs(is!)]).toEqual([[1, 4], [0, -1, 3, 2], [1n, 1n, 0n, 0n]]);
    expect(() => run("TopK", [x, i64([1], [5n])], {}, 2)).toThrow(/k=5/);
  });
});
