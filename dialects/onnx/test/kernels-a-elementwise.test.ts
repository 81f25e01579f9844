// Group-A elementwise kernels on small hand-checked cases: numerics, wrapping, broadcasting.
import { KernelError } from "../src/index.js";
import { bigs, bool, f32, f64, i32, i64, nums, run, run1, t } from "./kernels-a-helpers.js";

describe("unary math", () => {
  test("Round is half to even", () => {
    expect(nums(run1("Round", [f32([9], [0.5, 1.5, 2.5, -0.5, -1.5, 2.4, 2.6, -2.6, -0.4])]))).toEqual([0, 2, 2, -0, -2, 2, 3, -3, -0]);
  });
  test("Abs, Neg and Sign on integers wrap like the type", () => {
    expect(nums(run1("Abs", [t("i8", [3], [-128, -5, 7])]))).toEqual([-128, 5, 7]);
    expect(nums(run1("Neg", [i32([2], [-2147483648, 3])]))).toEqual([-2147483648, -3]);
    expect(nums(run1("Sign", [f32([4], [-2, 0, 3, NaN])]))).toEqual([-1, 0, 1, NaN]);
    expect(bigs(run1("Abs", [i64([1], [-(2n ** 62n) - 3n])]))).toEqual([2n ** 62n + 3n]);
  });
  test("Erf stays within 1e-14 relative error of tabulated values", () => {
    const xs = [0.1, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, -1];
    const want = [0.1124629160182849, 0.5204998778130465, 0.8427007929497149, 0.9661051464753108, 0.9953222650189527,
      0.999593047982555, 0.9999779095030014, 0.9999992569016276, 0.9999999845827421, 0.9999999999984626, -0.8427007929497149];
    const got = nums(run1("Erf", [f64([xs.length], xs)]));
    got.forEach((g, i) => expect(Math.abs(g - want[i]!) / Math.abs(want[i]!)).toBeLessThan(1e-14));
  });
  test("float32 results are rounded to float32", () => {
    const y = run1("Exp", [f32([1], [1])]);
    expect(y.dtype).toBe("f32");
    expect(y.getNumber(0)).toBe(Math.fround(Math.E));
  });
  test("IsNaN and IsInf with detect flags", () => {
    const x = f32([4], [NaN, Infinity, -Infinity, 1]);
    expect(nums(run1("IsNaN", [x]))).toEqual([1, 0, 0, 0]);
    expect(nums(run1("IsInf", [x]))).toEqual([0, 1, 1, 0]);
    expect(nums(run1("IsInf", [x], { detect_positive: 0 }))).toEqual([0, 0, 1, 0]);
  });
  test("float-only ops reject integer inputs as an unsupported data type", () => {
    expect(() => run1("Sqrt", [i32([1], [4])])).toThrow(/^unsupported data type i32/);
  });
});

describe("activations", () => {
  test("attribute defaults and formulas", () => {
    const x = f64([3], [-1, 0, 2]);
    expect(nums(run1("LeakyRelu", [x]))).toEqual([-0.01, 0, 2]);
    expect(nums(run1("HardSigmoid", [x]))).toEqual([0.3, 0.5, 0.9]);
    expect(nums(run1("ThresholdedRelu", [x]))).toEqual([0, 0, 2]);
    expect(nums(run1("Elu", [x], { alpha: 2 }))[0]).toBeCloseTo(2 * (Math.exp(-1) - 1), 15);
    expect(nums(run1("HardSwish", [f64([3], [-4, 1, 4])]))).toEqual([-0, 1 * (1 / 6 + 0.5), 4]);
    expect(nums(run1("Swish", [f64([2], [0, 2])], { alpha: 0.5 }))).toEqual([0, 2 / (1 + Math.exp(-1))]);
    expect(nums(run1("Shrink", [f64([3], [-2, 0.3, 2])], { bias: 0.5, lambd: 1 }))).toEqual([-1.5, 0, 1.5]);
  });
  test("Sigmoid and Softplus do not overflow at large |x|", () => {
    expect(nums(run1("Sigmoid", [f64([2], [-1000, 1000])]))).toEqual([0, 1]);
    expect(nums(run1("Softplus", [f64([2], [-1000, 1000])]))).toEqual([0, 1000]);
  });
  test("Gelu exact and tanh approximation", () => {
    const x = f64([1], [1]);
    expect(run1("Gelu", [x]).getNumber(0)).toBeCloseTo(0.8413447460685429, 14);
    expect(run1("Gelu", [x], { approximate: "tanh" }).getNumber(0)).toBeCloseTo(0.8411919906082768, 14);
    expect(() => run1("Gelu", [x], { approximate: "fast" })).toThrow(KernelError);
  });
  test("PRelu broadcasts slope to X; legacy 1-D per-channel slope", () => {
    expect(nums(run1("PRelu", [f32([2, 2], [-1, 1, -2, 2]), f32([2], [0.5, 0.25])]))).toEqual([-0.5, 1, -1, 2]);
    const x = f32([1, 2, 3], [-1, -1, -1, -1, -1, -1]);
    expect(nums(run1("PRelu", [x, f32([2], [0.5, 2])]))).toEqual([-0.5, -0.5, -0.5, -2, -2, -2]);
    expect(() => run1("PRelu", [x, f32([4], [1, 1, 1, 1])])).toThrow(/does not broadcast/);
  });
  test("Relu on integers", () => {
    expect(bigs(run1("Relu", [i64([2], [-5n, 2n ** 60n])]))).toEqual([0n, 2n ** 60n]);
  });
});

describe("arithmetic", () => {
  test("broadcasting Add", () => {
    expect(nums(run1("Add", [f32([2, 3], [1, 2, 3, 4, 5, 6]), f32([3], [10, 20, 30])]))).toEqual([11, 22, 33, 14, 25, 36]);
    expect(run1("Add", [f32([2, 1], [1, 2]), f32([1, 3], [0, 1, 2])]).shape).toEqual([2, 3]);
    expect(() => run1("Add", [f32([2], [1, 2]), f32([3], [1, 2, 3])])).toThrow(/not broadcastable/);
    expect(() => run1("Add", [f32([1], [1]), i32([1], [1])])).toThrow(/data types differ/);
  });
  test("integer ops wrap like the type", () => {
    expect(nums(run1("Add", [t("i8", [1], [127]), t("i8", [1], [1])]))).toEqual([-128]);
    expect(nums(run1("Mul", [i32([1], [65536]), i32([1], [65537])]))).toEqual([65536]);
    expect(nums(run1("Sub", [t("u8", [1], [0]), t("u8", [1], [1])]))).toEqual([255]);
    expect(bigs(run1("Mul", [i64([1], [2n ** 62n]), i64([1], [4n])]))).toEqual([0n]);
  });
  test("int64 beyond 2^53 stays exact", () => {
    const big = 2n ** 60n + 1n;
    expect(bigs(run1("Add", [i64([1], [big]), i64([1], [1n])]))).toEqual([big + 1n]);
    expect(bigs(run1("Div", [i64([1], [big]), i64([1], [3n])]))).toEqual([big / 3n]);
  });
  test("integer Div truncates toward zero and rejects zero divisors", () => {
    expect(nums(run1("Div", [i32([2], [7, -7]), i32([2], [2, 2])]))).toEqual([3, -3]);
    expect(() => run1("Div", [i32([1], [1]), i32([1], [0])])).toThrow(/division by zero/);
  });
  test("Mod: fmod=0 takes the divisor's sign, fmod=1 the dividend's", () => {
    const a = i32([4], [-4, 7, -7, 7]), b = i32([4], [3, -3, -3, 3]);
    expect(nums(run1("Mod", [a, b]))).toEqual([2, -2, -1, 1]);
    expect(nums(run1("Mod", [a, b], { fmod: 1 }))).toEqual([-1, 1, -1, 1]);
    expect(nums(run1("Mod", [f64([1], [-4.5]), f64([1], [2])], { fmod: 1 }))).toEqual([-0.5]);
    expect(() => run1("Mod", [f64([1], [1]), f64([1], [2])])).toThrow(/fmod must be 1/);
  });
  test("Pow with mixed types and exact int64", () => {
    expect(nums(run1("Pow", [i32([3], [1, 2, 3]), f32([3], [4, 5, 6])]))).toEqual([1, 32, 729]);
    expect(bigs(run1("Pow", [i64([2], [3n, 2n]), i64([2], [39n, -1n])]))).toEqual([3n ** 39n, 0n]);
    expect(nums(run1("Pow", [f32([2], [2, 4]), i64([2], [-1n, 0n])]))).toEqual([0.5, 1]);
  });
  test("BitShift on uint8", () => {
    const x = t("u8", [3], [16, 4, 1]), s = t("u8", [3], [1, 2, 8]);
    expect(nums(run1("BitShift", [x, s], { direction: "LEFT" }))).toEqual([32, 16, 0]);
    expect(nums(run1("BitShift", [x, s], { direction: "RIGHT" }))).toEqual([8, 1, 0]);
    expect(() => run1("BitShift", [x, s])).toThrow(/direction/);
  });
});

describe("bitwise", () => {
  test("Bitwise ops keep the type's bits", () => {
    expect(nums(run1("BitwiseNot", [t("u8", [2], [0, 5])]))).toEqual([255, 250]);
    expect(nums(run1("BitwiseAnd", [t("i8", [2], [-1, 12]), t("i8", [2], [5, 10])]))).toEqual([5, 8]);
    expect(bigs(run1("BitwiseXor", [i64([1], [2n ** 62n + 1n]), i64([1], [1n])]))).toEqual([2n ** 62n]);
    expect(nums(run1("BitwiseOr", [i32([1], [-2147483648]), i32([1], [1])]))).toEqual([-2147483647]);
    expect(() => run1("BitwiseAnd", [f32([1], [1]), f32([1], [1])])).toThrow(/^unsupported data type f32/);
  });
});

describe("logic and comparisons", () => {
  test("comparisons broadcast and output bool", () => {
    const y = run1("Greater", [f32([2, 2], [1, 5, 3, 0]), f32([1], [2])]);
    expect(y.dtype).toBe("i1");
    expect(nums(y)).toEqual([0, 1, 1, 0]);
    expect(nums(run1("LessOrEqual", [i64([2], [2n ** 60n, 1n]), i64([2], [2n ** 60n + 1n, 0n])]))).toEqual([1, 0]);
    expect(nums(run1("Equal", [bool([2], [1, 0]), bool([2], [1, 1])]))).toEqual([1, 0]);
  });
  test("And, Or, Xor, Not", () => {
    const a = bool([4], [0, 0, 1, 1]), b = bool([4], [0, 1, 0, 1]);
    expect(nums(run1("And", [a, b]))).toEqual([0, 0, 0, 1]);
    expect(nums(run1("Or", [a, b]))).toEqual([0, 1, 1, 1]);
    expect(nums(run1("Xor", [a, b]))).toEqual([0, 1, 1, 0]);
    expect(nums(run1("Not", [a]))).toEqual([1, 1, 0, 0]);
    expect(() => run1("And", [f32([1], [1]), f32([1], [1])])).toThrow(/^unsupported data type f32/);
  });
});

describe("variadic, Clip, Where", () => {
  test("Max, Min, Sum, Mean broadcast over any number of inputs", () => {
    const a = f32([3], [1, 5, 3]), b = f32([1], [2]), c = f32([3], [0, 0, 9]);
    expect(nums(run1("Max", [a, b, c]))).toEqual([2, 5, 9]);
    expect(nums(run1("Min", [a, b, c]))).toEqual([0, 0, 2]);
    expect(nums(run1("Sum", [a, b, c]))).toEqual([3, 7, 14]);
    expect(nums(run1("Mean", [a, b, c]))).toEqual([1, 7 / 3, 14 / 3].map(Math.fround));
    expect(nums(run1("Max", [f32([2], [NaN, 1]), f32([2], [1, 2])]))).toEqual([NaN, 2]);
    expect(bigs(run1("Min", [i64([1], [2n ** 60n + 1n]), i64([1], [2n ** 60n + 2n])]))).toEqual([2n ** 60n + 1n]);
  });
  test("Clip: optional bounds, attribute form, min > max gives max", () => {
    const x = f32([4], [-2, 0, 2, 4]);
    expect(nums(run1("Clip", [x, f32([], [-1]), f32([], [1])]))).toEqual([-1, 0, 1, 1]);
    expect(nums(run1("Clip", [x, undefined, f32([], [1])]))).toEqual([-2, 0, 1, 1]);
    expect(nums(run1("Clip", [x], { min: 0 }))).toEqual([0, 0, 2, 4]);
    expect(nums(run1("Clip", [x, f32([], [3]), f32([], [1])]))).toEqual([1, 1, 1, 1]);
    expect(bigs(run1("Clip", [i64([2], [-5n, 2n ** 60n]), i64([], [0n]), i64([], [2n ** 59n])]))).toEqual([0n, 2n ** 59n]);
  });
  test("Where broadcasts condition, X and Y", () => {
    const y = run1("Where", [bool([2, 1], [1, 0]), f32([1, 2], [1, 2]), f32([1], [9])]);
    expect(y.shape).toEqual([2, 2]);
    expect(nums(y)).toEqual([1, 2, 9, 9]);
  });
});

describe("Cast, CastLike, Identity, Dropout", () => {
  test("float to int truncates; to bool is != 0; to f32 rounds", () => {
    const x = f64([5], [1.9, -1.9, 0, NaN, 16777217]);
    expect(nums(run1("Cast", [x], { to: 6 }))).toEqual([1, -1, 0, 0, 16777217]);
    expect(nums(run1("Cast", [x], { to: 9 }))).toEqual([1, 1, 0, 1, 1]);
    expect(nums(run1("Cast", [x], { to: 1 }))[4]).toBe(16777216);
  });
  test("int64 casts are exact or wrap like C", () => {
    expect(bigs(run1("Cast", [f64([1], [2 ** 60])], { to: 7 }))).toEqual([2n ** 60n]);
    expect(nums(run1("Cast", [i64([2], [300n, -1n])], { to: 3 }))).toEqual([44, -1]);
    expect(nums(run1("Cast", [i64([1], [-1n])], { to: 2 }))).toEqual([255]);
    expect(run1("CastLike", [i32([1], [3]), f64([0], [])]).dtype).toBe("f64");
  });
  test("Cast to an unsupported type says so", () => {
    expect(() => run1("Cast", [f32([1], [1])], { to: 10 })).toThrow(/^unsupported data type float16/);
  });
  test("Dropout at inference is identity with an all-true mask", () => {
    const [y, mask] = run("Dropout", [f32([2], [1, 2]), f32([], [0.3])], {}, 2);
    expect(nums(y!)).toEqual([1, 2]);
    expect(mask!.dtype).toBe("i1");
    expect(nums(mask!)).toEqual([1, 1]);
    expect(nums(run("Dropout", [f32([1], [5]), f32([], [0]), bool([], [1])], {}, 1)[0]!)).toEqual([5]);
    expect(() => run("Dropout", [f32([1], [5]), f32([], [0.5]), bool([], [1])])).toThrow(/^unsupported/);
  });
});
