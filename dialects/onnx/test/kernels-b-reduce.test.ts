// Group-B reductions, arg-reductions, CumSum and the softmax family on hand-checked cases.
import { KernelError } from "../src/index.js";
import { bigs, expectClose, f32, i64, iota, nums, run, run1, t } from "./kernels-b-helpers.js";

describe("Reduce*", () => {
  const x = f32([2, 3], [1, -2, 3, 4, 5, -6]);
  test("axes as input, keepdims default 1", () => {
    expectClose(run1("ReduceSum", [x, i64([1], [1])]), [2, 3], [2, 1]);
    expectClose(run1("ReduceMean", [x, i64([1], [0])]), [2.5, 1.5, -1.5], [1, 3]);
    expectClose(run1("ReduceMax", [x, i64([1], [-1])], { keepdims: 0 }), [3, 5], [2]);
    expectClose(run1("ReduceMin", [x]), [-6], [1, 1]);
  });
  test("axes as attribute (older opsets) and the norms", () => {
    expectClose(run1("ReduceL1", [x], { axes: [1], keepdims: 0 }), [6, 15]);
    expectClose(run1("ReduceL2", [x], { axes: [1], keepdims: 0 }), [Math.sqrt(14), Math.sqrt(77)]);
    expectClose(run1("ReduceSumSquare", [x], { axes: [0, 1], keepdims: 0 }), [91], []);
    expectClose(run1("ReduceProd", [x], { axes: [1], keepdims: 0 }), [-6, -120]);
    expectClose(run1("ReduceLogSum", [f32([2], [1, 2])], { keepdims: 0 }), [Math.log(3)]);
  });
  test("ReduceLogSumExp is stable for large values", () => {
    expectClose(run1("ReduceLogSumExp", [f32([2], [1000, 1000])], { keepdims: 0 }), [1000 + Math.log(2)]);
  });
  test("empty axes reduce everything, or nothing with noop_with_empty_axes", () => {
    expectClose(run1("ReduceSum", [x, i64([0], [])]), [5], [1, 1]);
    expect(run1("ReduceSum", [x, i64([0], [])], { noop_with_empty_axes: 1 })).toBe(x);
  });
  test("int64 stays exact beyond 2^53 and wraps like int64", () => {
    const big = 2n ** 60n;
    expect(bigs(run1("ReduceSum", [i64([3], [big, 1n, 1n])], { keepdims: 0 }))).toEqual([big + 2n]);
    expect(bigs(run1("ReduceMax", [i64([2], [big + 1n, big])], { keepdims: 0 }))).toEqual([big + 1n]);
    expect(bigs(run1("ReduceProd", [i64([2], [2n ** 62n, 4n])], { keepdims: 0 }))).toEqual([0n]);
  });
  test("int32 sums wrap like int32", () => {
    expect(nums(run1("ReduceSum", [t("i32", [2], [2147483647, 1])], { keepdims: 0 }))).toEqual([-2147483648]);
  });
  test("NaN propagates through ReduceMax", () => {
    expectClose(run1("ReduceMax", [f32([3], [1, NaN, 2])], { keepdims: 0 }), [NaN]);
  });
  test("bad axes are a KernelError naming the op", () => {
    expect(() => run1("ReduceSum", [x, i64([1], [2])])).toThrow(KernelError);
    expect(() => run1("ReduceSum", [x, i64([1], [2])])).toThrow(/ReduceSum: axes entry 2 is out of range for rank 2/);
    expect(() => run1("ReduceSum", [x, i64([2], [1, -1])])).toThrow(/repeated/);
  });
  test("unsupported data types are reported as such", () => {
    expect(() => run1("ReduceSum", [t("i1", [2], [1, 0])])).toThrow(/^unsupported data type i1 for ReduceSum/);
  });
});

describe("ArgMax / ArgMin", () => {
  const x = f32([2, 3], [1, 5, 5, 7, 2, 7]);
  test("first or last occurrence, keepdims", () => {
    expect(bigs(run1("ArgMax", [x], { axis: 1 }))).toEqual([1n, 0n]);
    expect(bigs(run1("ArgMax", [x], { axis: 1, select_last_index: 1, keepdims: 0 }))).toEqual([2n, 2n]);
    expect(run1("ArgMin", [x], { axis: 0 }).shape).toEqual([1, 3]);
    expect(bigs(run1("ArgMin", [x], { axis: 0 }))).toEqual([0n, 1n, 0n]);
  });
  test("int64 comparisons are exact", () => {
    expect(bigs(run1("ArgMax", [i64([2], [2n ** 60n + 1n, 2n ** 60n])]))).toEqual([0n]);
  });
});

describe("CumSum", () => {
  const x = f32([3], [1, 2, 3]);
  test.each([
    [{}, [1, 3, 6]],
    [{ exclusive: 1 }, [0, 1, 3]],
    [{ reverse: 1 }, [6, 5, 3]],
    [{ exclusive: 1, reverse: 1 }, [5, 3, 0]],
  ])("%j", (attrs, want) => expectClose(run1("CumSum", [x, i64([], [0])], attrs), want));
  test("along axis 1 of a matrix, int32 input", () => {
    expect(nums(run1("CumSum", [t("i32", [2, 2], [1, 2, 3, 4]), t("i32", [], [-1])]))).toEqual([1, 3, 3, 7]);
  });
});

describe("Softmax family", () => {
  test("Softmax on the last axis by default", () => {
    const e = [Math.exp(0), Math.exp(1), Math.exp(2)], s = e[0]! + e[1]! + e[2]!;
    expectClose(run1("Softmax", [f32([1, 3], [0, 1, 2])]), e.map((v) => v / s));
    expectClose(run1("LogSoftmax", [f32([1, 3], [0, 1, 2])]), e.map((v) => Math.log(v / s)));
  });
  test("Softmax over axis 0 does not flatten (opset 13)", () => {
    expectClose(run1("Softmax", [f32([2, 2], [0, 0, 1, 1])], { axis: 0 }), [0.2689414, 0.2689414, 0.7310586, 0.7310586]);
  });
  test("Hardmax marks the first maximum", () => {
    expect(nums(run1("Hardmax", [f32([2, 3], [1, 3, 3, 0, -1, -2])]))).toEqual([0, 1, 0, 1, 0, 0]);
  });
  test("large inputs do not overflow", () => {
    expectClose(run1("Softmax", [f32([2], [10000, 10000])]), [0.5, 0.5]);
  });
  test("integer input is an unsupported data type", () => {
    expect(() => run("Softmax", [iota([2], "i32")], {})).toThrow(/^unsupported data type i32 for Softmax/);
  });
});
