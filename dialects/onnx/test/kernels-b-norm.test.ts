// Group-B normalizations, Resize/Upsample, recurrent cells and layout ops on hand-checked cases.
import { expectClose, f32, i64, iota, nums, run, run1, t } from "./kernels-b-helpers.js";

const sig = (x: number): number => 1 / (1 + Math.exp(-x));

describe("normalizations", () => {
  const x = f32([1, 2, 2], [1, 3, 10, 20]);
  test("BatchNormalization inference and training outputs", () => {
    const ones = f32([2], [1, 1]), zeros = f32([2], [0, 0]);
    expectClose(run1("BatchNormalization", [x, f32([2], [2, 1]), f32([2], [1, 0]), f32([2], [2, 15]), f32([2], [1, 25])], { epsilon: 0 }), [-1, 3, -1, 1]);
    const [y, rm, rv] = run("BatchNormalization", [x, ones, zeros, zeros, ones], { training_mode: 1, epsilon: 0, momentum: 0.5 }, 3);
    expectClose(y!, [-1, 1, -1, 1]);
    expectClose(rm!, [1, 7.5]);
    expectClose(rv!, [1, 13]);
  });
  test("InstanceNormalization per (n, c)", () => {
    expectClose(run1("InstanceNormalization", [x, f32([2], [1, 2]), f32([2], [0, 1])], { epsilon: 0 }), [-1, 1, -1, 3]);
  });
  test("LayerNormalization with Mean and InvStdDev outputs", () => {
    const [y, mean, inv] = run("LayerNormalization", [f32([2, 2], [1, 3, 2, 2]), f32([2], [1, 2]), f32([2], [0, 1])], { epsilon: 0.5 }, 3);
    const k = 1 / Math.sqrt(1.5);
    expectClose(y!, [-k, 2 * k + 1, 0, 1]);
    expectClose(mean!, [2, 2], [2, 1]);
    expectClose(inv!, [k, 1 / Math.sqrt(0.5)], [2, 1]);
  });
  test("GroupNormalization with per-channel scale", () => {
    const y = run1("GroupNormalization", [f32([1, 4, 1], [1, 3, 5, 7]), f32([4], [1, 1, 2, 2]), f32([4], [0, 0, 0, 1])], { num_groups: 2, epsilon: 0 });
    expectClose(y, [-1, 1, -2, 3]);
  });
  test("LRN over a window of channels", () => {
    const y = run1("LRN", [f32([1, 2], [1, 2])], { size: 2, alpha: 2, beta: 1, bias: 1 });
    // channel 0 sums channels 0..1 (5), channel 1 sums channel 1 (4)
    expectClose(y, [1 / 6, 2 / 5]);
  });
  test("MeanVarianceNormalization over axes", () => {
    expectClose(run1("MeanVarianceNormalization", [f32([1, 2], [1, 3])], { axes: [1] }), [-1, 1]);
  });
});

describe("Resize and Upsample", () => {
  const x = f32([1, 1, 2, 2], [1, 2, 3, 4]);
  test("nearest asymmetric x2 with scales", () => {
    const y = run1("Resize", [x, undefined, f32([4], [1, 1, 2, 2])], { mode: "nearest", coordinate_transformation_mode: "asymmetric" });
    expect(nums(y)).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
  });
  test("linear half_pixel edge-clamps", () => {
    const y = run1("Resize", [f32([2], [0, 4]), undefined, f32([1], [2])], { mode: "linear" });
    expectClose(y, [0, 1, 3, 4], [4]);
  });
  test("linear align_corners with sizes", () => {
    const y = run1("Resize", [f32([2], [0, 4]), undefined, undefined, i64([1], [3])], { mode: "linear", coordinate_transformation_mode: "align_corners" });
    expectClose(y, [0, 2, 4]);
  });
  test("cubic reproduces a linear ramp away from the clamped edges", () => {
    const y = run1("Resize", [f32([8], [0, 1, 2, 3, 4, 5, 6, 7]), undefined, undefined, i64([1], [15])], { mode: "cubic", coordinate_transformation_mode: "align_corners" });
    expect(y.shape).toEqual([15]);
    // Output i samples x = i/2; taps x-1..x+2 stay inside [0, 7] for i in 2..12.
    expectClose(t("f32", [11], nums(y).slice(2, 13)), Array.from({ length: 11 }, (_, i) => (i + 2) / 2));
    expect(Math.abs(nums(y)[1]! - 0.5)).toBeGreaterThan(0.01); // edge clamping bends the ramp
  });
  test("tf_crop_and_resize extrapolates outside the roi", () => {
    const y = run1("Resize", [f32([2], [1, 2]), f32([2], [0, 2]), undefined, i64([1], [3])], { mode: "linear", coordinate_transformation_mode: "tf_crop_and_resize", extrapolation_value: -7 });
    // x_original = 0, 1, 2: the last one is past the input's end
    expectClose(y, [1, 2, -7]);
  });
  test("nearest on int64 is an exact gather", () => {
    const y = run1("Resize", [i64([2], [2n ** 60n + 1n, 5n]), undefined, f32([1], [2])], { mode: "nearest" });
    expect(Array.from(y.data as BigInt64Array)).toEqual([2n ** 60n + 1n, 2n ** 60n + 1n, 5n, 5n]);
  });
  test("Upsample nearest repeats (floor)", () => {
    expect(nums(run1("Upsample", [f32([2], [1, 2]), f32([1], [3])]))).toEqual([1, 1, 1, 2, 2, 2]);
  });
  test("bad inputs are KernelErrors", () => {
    expect(() => run1("Resize", [x, undefined, f32([2], [1, 2])])).toThrow(/Resize: scales has 2 values, expected 4/);
    expect(() => run1("Resize", [x])).toThrow(/one of scales and sizes is required/);
  });
});

describe("recurrent", () => {
  // One input feature, hidden size 1, two steps.
  const X = f32([2, 1, 1], [1, 2]);
  test("RNN forward: h = tanh(w x + r h + b)", () => {
    const [Y, Yh] = run("RNN", [X, f32([1, 1, 1], [0.5]), f32([1, 1, 1], [0.25]), f32([1, 2], [0.1, 0])], { hidden_size: 1 }, 2);
    const h1 = Math.tanh(0.5 + 0.1), h2 = Math.tanh(1 + 0.25 * h1 + 0.1);
    expectClose(Y!, [h1, h2], [2, 1, 1, 1]);
    expectClose(Yh!, [h2], [1, 1, 1]);
  });
  test("RNN reverse runs from the last step; sequence_lens 1 only sees the first step", () => {
    const [Y, Yh] = run("RNN", [X, f32([1, 1, 1], [1]), f32([1, 1, 1], [1])], { direction: "reverse" }, 2);
    expectClose(Y!, [Math.tanh(1 + Math.tanh(2)), Math.tanh(2)]);
    expectClose(Yh!, [Math.tanh(1 + Math.tanh(2))]);
    const [Ys] = run("RNN", [X, f32([1, 1, 1], [1]), f32([1, 1, 1], [1]), undefined, t("i32", [1], [1])], {}, 1);
    expectClose(Ys!, [Math.tanh(1), 0]);
  });
  test("GRU one step, both reset forms", () => {
    const W = f32([1, 3, 1], [1, 1, 1]), R = f32([1, 3, 1], [1, 1, 1]), h0 = f32([1, 1, 1], [0.5]);
    const x1 = f32([1, 1, 1], [1]);
    const z = sig(1.5), r = sig(1.5);
    const hb = Math.tanh(1 + r * 0.5);
    expectClose(run("GRU", [x1, W, R, undefined, undefined, h0], {}, 2)[1]!, [(1 - z) * hb + z * 0.5]);
    expectClose(run("GRU", [x1, W, R, undefined, undefined, h0], { linear_before_reset: 1 }, 2)[1]!, [(1 - z) * hb + z * 0.5]);
  });
  test("LSTM one step with peepholes and cell output", () => {
    const W = f32([1, 4, 1], [1, 1, 1, 1]), R = f32([1, 4, 1], [0, 0, 0, 0]);
    const P = f32([1, 3], [0.5, 0.25, 1]), c0 = f32([1, 1, 1], [2]);
    const [, Yh, Yc] = run("LSTM", [f32([1, 1, 1], [1]), W, R, undefined, undefined, undefined, c0, P], {}, 3);
    const i = sig(1 + 0.5 * 2), f = sig(1 + 1 * 2), c = f * 2 + i * Math.tanh(1), o = sig(1 + 0.25 * c);
    expectClose(Yc!, [c]);
    expectClose(Yh!, [o * Math.tanh(c)]);
  });
  test("bidirectional output layout and a bad weight shape", () => {
    const W = f32([2, 1, 1], [1, 1]), R = f32([2, 1, 1], [0, 0]);
    expect(run("RNN", [X, W, R], { direction: "bidirectional" }, 1)[0]!.shape).toEqual([2, 2, 1, 1]);
    expect(() => run("RNN", [X, W, R], {}, 1)).toThrow(/RNN: W \[2,1,1\] \/ R \[2,1,1\] do not match 1 direction/);
  });
});

describe("layout ops", () => {
  test("DepthToSpace DCR and CRD, SpaceToDepth inverts DCR", () => {
    const x = iota([1, 4, 1, 1]);
    expect(nums(run1("DepthToSpace", [x], { blocksize: 2 }))).toEqual([0, 1, 2, 3]);
    const y = iota([1, 8, 1, 1]);
    expect(nums(run1("DepthToSpace", [y], { blocksize: 2, mode: "CRD" }))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(nums(run1("DepthToSpace", [y], { blocksize: 2 }))).toEqual([0, 2, 4, 6, 1, 3, 5, 7]);
    const s = iota([1, 2, 2, 2]);
    expect(nums(run1("DepthToSpace", [run1("SpaceToDepth", [s], { blocksize: 2 })], { blocksize: 2 }))).toEqual(nums(s));
  });
  test("MaxUnpool scatters MaxPool's indices back", () => {
    const x = f32([1, 1, 2, 2], [1, 9, 3, 4]);
    const [v, idx] = run("MaxPool", [x], { kernel_shape: [2, 2] }, 2);
    expect(nums(run1("MaxUnpool", [v!, idx!], { kernel_shape: [2, 2] }))).toEqual([0, 9, 0, 0]);
  });
});
