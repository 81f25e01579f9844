// The interpolation weights of one Resize/Upsample axis, probed from the reference kernel at
// compile time: each supported mode is separable per axis and affine in the input, so running
// the kernel on a 1-D axis gives y = M x + offset with offset = kernel(0) and column i of M =
// kernel(e_i) - offset. The offset is nonzero only under tf_crop_and_resize, where output points
// outside the crop take extrapolation_value (their rows of M are zero).
import { Tensor } from "@zkmlir/core";
import { ONNX_KERNELS, type Attrs } from "@zkmlir/onnx-dialect";

export interface AxisProbe {
  opType: "Resize" | "Upsample";
  /** Kernel attributes without `axes` / `keep_aspect_ratio_policy` (the probe is 1-D). */
  attrs: Attrs;
  inLen: number;
  outLen: number;
  /** The axis's scale, or undefined when the output size is given instead. */
  scale: number | undefined;
  /** [start, end] of the axis's region of interest (tf_crop_and_resize). */
  roi: [number, number] | undefined;
}

export interface AxisWeights {
  /** Row-major [outLen, inLen]. */
  matrix: Float64Array;
  /** [outLen], or undefined when all zero. */
  offset: Float64Array | undefined;
}

function run(p: AxisProbe, x: Tensor): Tensor {
  const f32 = (v: number[]) => new Tensor("f32", [v.length], Float32Array.from(v));
  const inputs = p.opType === "Upsample"
    ? [x, f32([p.scale!])]
    : [x, p.roi ? f32(p.roi) : undefined, p.scale !== undefined ? f32([p.scale]) : undefined, p.scale === undefined ? new Tensor("i64", [1], BigInt64Array.of(BigInt(p.outLen))) : undefined];
  const [y] = ONNX_KERNELS[p.opType]!(inputs, p.attrs, 1);
  if (!y || y.size !== p.outLen) throw new Error(`probe produced ${y?.size} values, expected ${p.outLen}`);
  return y;
}

export function axisWeights(p: AxisProbe): AxisWeights {
  const { inLen, outLen } = p;
  const zero = run(p, new Tensor("f64", [inLen]));
  const offset = Float64Array.from({ length: outLen }, (_, o) => zero.getNumber(o));
  const matrix = new Float64Array(outLen * inLen);
  for (let i = 0; i < inLen; i++) {
    const x = new Tensor("f64", [inLen]);
    x.data[i] = 1;
    const y = run(p, x);
    for (let o = 0; o < outLen; o++) matrix[o * inLen + i] = y.getNumber(o) - offset[o]!;
  }
  return { matrix, offset: offset.some((v) => v !== 0) ? offset : undefined };
}

/** Whether the weights map the axis to itself (the axis needs no contraction). */
export function isIdentity(w: AxisWeights, inLen: number, outLen: number): boolean {
  if (inLen !== outLen || w.offset) return false;
  return w.matrix.every((v, k) => v === (Math.floor(k / inLen) === k % inLen ? 1 : 0));
}
