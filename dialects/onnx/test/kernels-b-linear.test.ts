// Group-B MatMul, Gemm, Einsum, Conv, ConvTranspose and pooling on hand-checked cases.
import { KernelError } from "../src/index.js";
import { bigs, expectClose, f32, i64, iota, nums, run, run1, t } from "./kernels-b-helpers.js";

describe("MatMul", () => {
  test("2-D product", () => expectClose(run1("MatMul", [f32([2, 2], [1, 2, 3, 4]), f32([2, 1], [5, 6])]), [17, 39], [2, 1]));
  test("1-D operands are promoted then squeezed", () => {
    expectClose(run1("MatMul", [f32([2], [1, 2]), f32([2, 2], [1, 2, 3, 4])]), [7, 10], [2]);
    expectClose(run1("MatMul", [f32([2], [1, 2]), f32([2], [3, 4])]), [11], []);
  });
  test("batch dims broadcast", () => {
    const a = iota([2, 1, 2]), b = f32([2, 1], [1, 1]);
    expectClose(run1("MatMul", [a, b]), [1, 5], [2, 1, 1]);
    expect(run1("MatMul", [iota([3, 1, 2, 2]), iota([4, 2, 2])]).shape).toEqual([3, 4, 2, 2]);
  });
  test("int32 wraps, int64 is exact", () => {
    expect(nums(run1("MatMul", [t("i32", [1, 1], [65536]), t("i32", [1, 1], [65536])]))).toEqual([0]);
    expect(bigs(run1("MatMul", [i64([1, 2], [2n ** 40n, 1n]), i64([2, 1], [2n ** 20n, 3n])]))).toEqual([2n ** 60n + 3n]);
  });
  test("mismatched inner dims are a KernelError", () => {
    expect(() => run1("MatMul", [iota([2, 3]), iota([2, 3])])).toThrow(/MatMul: inner dimensions differ/);
  });
});

describe("Gemm", () => {
  test("transA, transB, alpha, beta and a broadcast row C", () => {
    const A = f32([2, 2], [1, 3, 2, 4]); // A' = [[1,2],[3,4]]
    const B = f32([2, 2], [1, 0, 0, 1]);
    const C = f32([2], [10, 20]);
    expectClose(run1("Gemm", [A, B, C], { transA: 1, transB: 1, alpha: 2, beta: 0.5 }), [7, 14, 11, 18], [2, 2]);
  });
  test("C is optional", () => expectClose(run1("Gemm", [f32([1, 2], [1, 2]), f32([2, 1], [3, 4])]), [11]));
  test("a C that does not broadcast is rejected", () => {
    expect(() => run1("Gemm", [iota([2, 2]), iota([2, 2]), iota([3])])).toThrow(/Gemm: C of shape \[3\] does not broadcast/);
  });
});

describe("Einsum", () => {
  const m = f32([2, 2], [1, 2, 3, 4]);
  test.each([
    ["ij,jk->ik", [m, m], [7, 10, 15, 22], [2, 2]],
    ["ij->ji", [m], [1, 3, 2, 4], [2, 2]],
    ["ii", [m], [5], []],
    ["ii->i", [m], [1, 4], [2]],
    ["ij", [m], [1, 2, 3, 4], [2, 2]],
    ["ji", [m], [1, 3, 2, 4], [2, 2]],
    ["i,i", [f32([3], [1, 2, 3]), f32([3], [4, 5, 6])], [32], []],
    ["i,j->ij", [f32([2], [1, 2]), f32([2], [3, 4])], [3, 4, 6, 8], [2, 2]],
    ["...ij,...jk", [iota([2, 1, 2]), f32([2, 1], [1, 1])], [1, 5], [2, 1, 1]],
    ["b i j -> b", [iota([2, 1, 2])], [1, 5], [2]],
  ])("%s", (eq, inputs, want, shape) => expectClose(run1("Einsum", inputs, { equation: eq }), want, shape));
  test("ellipsis dims broadcast against size 1", () => {
    expect(run1("Einsum", [iota([3, 1, 2]), iota([4, 2])], { equation: "...j,...j->..." }).shape).toEqual([3, 4]);
  });
  test("bad equations are KernelErrors", () => {
    expect(() => run1("Einsum", [m], { equation: "ijk" })).toThrow(/does not match an operand of rank 2/);
    expect(() => run1("Einsum", [m, m], { equation: "ij->i" })).toThrow(/1 terms but 2 inputs/);
    expect(() => run1("Einsum", [m], { equation: "ij->k" })).toThrow(/output label "k"/);
  });
});

describe("Conv", () => {
  const x = iota([1, 1, 3, 3]); // 0..8
  test("3x3 input, 2x2 ones kernel, bias", () => {
    expectClose(run1("Conv", [x, f32([1, 1, 2, 2], [1, 1, 1, 1]), f32([1], [0.5])]), [8.5, 12.5, 20.5, 24.5], [1, 1, 2, 2]);
  });
  test("pads and strides", () => {
    const y = run1("Conv", [x, f32([1, 1, 3, 3], new Array(9).fill(1))], { pads: [1, 1, 1, 1], strides: [2, 2] });
    expectClose(y, [8, 12, 20, 24], [1, 1, 2, 2]);
  });
  test("SAME_LOWER puts the odd pad cell at the start", () => {
    const y = run1("Conv", [f32([1, 1, 4], [1, 2, 3, 4]), f32([1, 1, 2], [1, 10])], { auto_pad: "SAME_LOWER" });
    expectClose(y, [10, 21, 32, 43], [1, 1, 4]);
    const u = run1("Conv", [f32([1, 1, 4], [1, 2, 3, 4]), f32([1, 1, 2], [1, 10])], { auto_pad: "SAME_UPPER" });
    expectClose(u, [21, 32, 43, 4], [1, 1, 4]);
  });
  test("dilations", () => {
    expectClose(run1("Conv", [f32([1, 1, 5], [1, 2, 3, 4, 5]), f32([1, 1, 2], [1, 1])], { dilations: [2] }), [4, 6, 8]);
  });
  test("groups: depthwise", () => {
    const y = run1("Conv", [f32([1, 2, 2], [1, 2, 3, 4]), f32([2, 1, 1], [10, 100])], { group: 2 });
    expectClose(y, [10, 20, 300, 400], [1, 2, 2]);
  });
  test("channel mismatch is a KernelError", () => {
    expect(() => run1("Conv", [iota([1, 3, 4]), iota([1, 2, 1])])).toThrow(/Conv: X has 3 channels/);
  });
});

describe("ConvTranspose", () => {
  test("stride 2 scatters, output_padding extends", () => {
    const y = run1("ConvTranspose", [f32([1, 1, 2], [1, 2]), f32([1, 1, 2], [1, 10])], { strides: [2], output_padding: [1] });
    expectClose(y, [1, 10, 2, 20, 0], [1, 1, 5]);
  });
  test("pads crop, groups split channels", () => {
    const y = run1("ConvTranspose", [f32([1, 1, 2], [1, 2]), f32([1, 1, 3], [1, 1, 1])], { pads: [1, 1] });
    expectClose(y, [3, 3], [1, 1, 2]);
    const g = run1("ConvTranspose", [f32([1, 2, 1], [1, 2]), f32([2, 1, 1], [3, 5])], { group: 2 });
    expectClose(g, [3, 10], [1, 2, 1]);
  });
  test("output_shape derives the pads", () => {
    expect(run1("ConvTranspose", [iota([1, 1, 3]), iota([1, 1, 3])], { strides: [2], output_shape: [8] }).shape).toEqual([1, 1, 8]);
  });
});

describe.each(["Conv", "ConvTranspose"])("%s operand errors", (op) => {
  const x = iota([1, 1, 4]), w = iota([1, 1, 2]);
  test("rank, data types, bias and kernel_shape are KernelErrors naming the op", () => {
    expect(() => run1(op, [iota([1, 4]), iota([1, 2])])).toThrow(new RegExp(`^${op}: X \\[1,4\\] and W \\[1,2\\] must both have rank >= 3`));
    expect(() => run1(op, [x, iota([1, 1, 2], "f64")])).toThrow(new RegExp(`^${op}: X and W must have the same data type, got f32 and f64`));
    expect(() => run1(op, [x, w, iota([1], "f64")])).toThrow(new RegExp(`^${op}: X and B must have the same data type`));
    expect(() => run1(op, [x, w, iota([2])])).toThrow(new RegExp(`^${op}: bias has 2 values, expected 1`));
    expect(() => run1(op, [x, w], { kernel_shape: [3] })).toThrow(new RegExp(`^${op}: kernel_shape \\[3\\] differs from W's spatial shape \\[2\\]`));
    expect(() => run1(op, [iota([1, 1, 4], "i32"), w])).toThrow(KernelError);
  });
});

describe("pooling", () => {
  const x = iota([1, 1, 3, 3]);
  test("AveragePool with and without count_include_pad", () => {
    const attrs = { kernel_shape: [2, 2], pads: [1, 1, 0, 0] };
    // windows of 2x2 at rows i-1..i, cols j-1..j over 0..8
    expectClose(run1("AveragePool", [x], attrs), [0, 0.5, 1.5, 1.5, 2, 3, 4.5, 5, 6], [1, 1, 3, 3]);
    expectClose(run1("AveragePool", [x], { ...attrs, count_include_pad: 1 }), [0, 0.25, 0.75, 0.75, 2, 3, 2.25, 5, 6]);
  });
  test("ceil_mode adds a partial window", () => {
    expect(run1("MaxPool", [x], { kernel_shape: [2, 2], strides: [2, 2] }).shape).toEqual([1, 1, 1, 1]);
    expectClose(run1("MaxPool", [x], { kernel_shape: [2, 2], strides: [2, 2], ceil_mode: 1 }), [4, 5, 7, 8], [1, 1, 2, 2]);
  });
  test("MaxPool Indices in row- and column-major order", () => {
    const xi = f32([1, 1, 2, 2], [1, 9, 3, 4]);
    const [, rowIdx] = run("MaxPool", [xi], { kernel_shape: [2, 2] }, 2);
    expect(bigs(rowIdx!)).toEqual([1n]);
    const [, colIdx] = run("MaxPool", [xi], { kernel_shape: [2, 2], storage_order: 1 }, 2);
    expect(bigs(colIdx!)).toEqual([2n]);
  });
  test("LpPool and global pools", () => {
    expectClose(run1("LpPool", [f32([1, 1, 2], [3, 4])], { kernel_shape: [2] }), [5]);
    expectClose(run1("GlobalAveragePool", [x]), [4], [1, 1, 1, 1]);
    expectClose(run1("GlobalMaxPool", [x]), [8], [1, 1, 1, 1]);
  });
  test("missing kernel_shape is a KernelError", () => {
    expect(() => run1("MaxPool", [x])).toThrow(KernelError);
    expect(() => run1("MaxPool", [x])).toThrow(/MaxPool: missing required attribute kernel_shape/);
  });
});
