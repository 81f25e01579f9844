// Times the float reference kernels of Conv, ConvTranspose, MatMul and Gemm on typical sizes and
// prints a table (median of a few runs after one warm-up). Run after a build:
//   npx tsc -b dialects/onnx && node dialects/onnx/bench/kernels.mjs [filter]
import { Tensor } from "@zkmlir/core";
import { ONNX_KERNELS } from "../dist/src/index.js";

/** Deterministic pseudo-random tensor in [-1, 1) (LCG), so every run times the same data. */
function rand(dtype, shape, seed = 1) {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 31 - 1; }
  return Tensor.fromArray(dtype, shape, v);
}

const cases = [
  { name: "MatMul 512x512x512 f32", op: "MatMul", inputs: () => [rand("f32", [512, 512], 1), rand("f32", [512, 512], 2)], attrs: {} },
  { name: "MatMul 8x(64x128x64) f32", op: "MatMul", inputs: () => [rand("f32", [8, 64, 128], 1), rand("f32", [8, 128, 64], 2)], attrs: {} },
  { name: "Gemm 256x1024x512 transB f32", op: "Gemm", inputs: () => [rand("f32", [256, 1024], 1), rand("f32", [512, 1024], 2), rand("f32", [512], 3)], attrs: { transB: 1 } },
  { name: "Gemm 512x512x512 transA f32", op: "Gemm", inputs: () => [rand("f32", [512, 512], 1), rand("f32", [512, 512], 2)], attrs: { transA: 1 } },
  { name: "Conv 1x64x56x56 k64x3x3 p1 f32", op: "Conv", inputs: () => [rand("f32", [1, 64, 56, 56], 1), rand("f32", [64, 64, 3, 3], 2), rand("f32", [64], 3)], attrs: { pads: [1, 1, 1, 1] } },
  { name: "Conv 1x64x56x56 k128x3x3 s2 p1 f32", op: "Conv", inputs: () => [rand("f32", [1, 64, 56, 56], 1), rand("f32", [128, 64, 3, 3], 2)], attrs: { pads: [1, 1, 1, 1], strides: [2, 2] } },
  { name: "Conv 1x64x56x56 k64x1x1 f32", op: "Conv", inputs: () => [rand("f32", [1, 64, 56, 56], 1), rand("f32", [64, 64, 1, 1], 2)], attrs: {} },
  { name: "Conv depthwise 1x64x56x56 g64 3x3 p1", op: "Conv", inputs: () => [rand("f32", [1, 64, 56, 56], 1), rand("f32", [64, 1, 3, 3], 2)], attrs: { pads: [1, 1, 1, 1], group: 64 } },
  { name: "Conv 1x32x56x56 k32x3x3 d2 p2 f32", op: "Conv", inputs: () => [rand("f32", [1, 32, 56, 56], 1), rand("f32", [32, 32, 3, 3], 2)], attrs: { pads: [2, 2, 2, 2], dilations: [2, 2] } },
  { name: "ConvTranspose 1x64x28x28 k64x4x4 s2 p1", op: "ConvTranspose", inputs: () => [rand("f32", [1, 64, 28, 28], 1), rand("f32", [64, 64, 4, 4], 2)], attrs: { strides: [2, 2], pads: [1, 1, 1, 1] } },
  { name: "ConvTranspose 1x32x56x56 k32x3x3 p1", op: "ConvTranspose", inputs: () => [rand("f32", [1, 32, 56, 56], 1), rand("f32", [32, 32, 3, 3], 2)], attrs: { pads: [1, 1, 1, 1] } },
];

const filter = process.argv[2];
const runs = 5;
console.log(`${"case".padEnd(42)} ${"median ms".padStart(10)} ${"min ms".padStart(8)} ${"GFLOP/s".padStart(8)}`);
for (const c of cases) {
  if (filter && !c.name.includes(filter)) continue;
  const inputs = c.inputs(), kernel = ONNX_KERNELS[c.op];
  const out = kernel(inputs, c.attrs, 1)[0];
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    kernel(inputs, c.attrs, 1);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const flops = flopCount(c.op, inputs, out);
  console.log(`${c.name.padEnd(42)} ${times[runs >> 1].toFixed(1).padStart(10)} ${times[0].toFixed(1).padStart(8)} ${(flops / times[runs >> 1] / 1e6).toFixed(2).padStart(8)}`);
}

/** 2 * multiply-adds (ignoring padding taps), for a rough throughput column. */
function flopCount(op, inputs, out) {
  const size = (s) => s.reduce((a, b) => a * b, 1);
  if (op === "MatMul") { const a = inputs[0].shape; return 2 * size(out.shape) * a[a.length - 1]; }
  if (op === "Gemm") return 2 * size(out.shape) * inputs[0].shape[0] * inputs[0].shape[1] / out.shape[0];
  const W = inputs[1].shape, kTaps = size(W.slice(1));
  if (op === "Conv") return 2 * size(out.shape) * kTaps;
  return 2 * size(inputs[0].shape) * size(W.slice(1)); // ConvTranspose: per input point, M/group x taps
}
