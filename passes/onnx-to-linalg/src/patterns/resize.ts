// Resize (and Upsample) as one affine map per resized axis with constant weights:
// out[.., o, ..] = offset[o] + sum_i M[o, i] * x[.., i, ..] (resize-weights.ts probes M and the
// offset from the reference kernel). Nearest matrices are 0/1, so nearest resizing is exact; the
// others round the weights to the element type. tf_crop_and_resize: the kernel makes an output
// point extrapolation_value when any axis is outside the crop; per axis that is a zero row plus
// the offset, and a later axis carries it through its rows, whose weights sum to 1, so such
// points are extrapolation_value * (1 +- taps * 2^-24) in f32.
import { AffineMap, DenseElementsAttr, RankedTensorType, dim, dtypeOf, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import { kernelAttrs, type Attrs } from "@zkmlir/onnx-dialect";
import { elementwise } from "../build/elementwise.js";
import { generic, filled } from "../build/structured.js";
import { arith } from "../build/scalar.js";
import { constantNumbers } from "../util/constants.js";
import { intsAttr, stringAttr } from "../util/attrs.js";
import { normAxis, resultType, staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import { denseConstant } from "./constants.js";
import { axisWeights, isIdentity, type AxisWeights } from "./resize-weights.js";
import type { LowerCtx, Lowering } from "./lowering.js";

/** A constant of `t`'s element type from f64 weights. */
function weightConstant(c: LowerCtx, t: RankedTensorType, w: Float64Array): Value {
  const dt = dtypeOf(t.elementType);
  const data = dt === "f64" ? w : dt === "f32" ? Float32Array.from(w) : undefined;
  if (!data) throw loweringError(c.op, `element type ${t.elementType.key} is not supported`);
  return denseConstant(c.b, new DenseElementsAttr(t, data, false));
}

/** offset + M x along `axis`; the offset (shaped [1, .., outLen, .., 1]) initializes the sums. */
function contractAxis(b: Builder, x: Value, axis: number, matrix: Value, offset: Value | undefined, outLen: number): Value {
  const t = x.type as RankedTensorType, r = t.rank;
  const out = RankedTensorType.get(t.shape.map((d, k) => (k === axis ? outLen : d)), t.elementType);
  const xRes: AffineExpr[] = t.shape.map((_, k) => dim(k === axis ? r : k));
  const init = offset ? elementwise(b, [offset], out, ({ args }) => args[0]!) : filled(b, out, 0);
  return generic(b, {
    inputs: [x, matrix],
    outputs: [init],
    maps: [new AffineMap(r + 1, 0, xRes), new AffineMap(r + 1, 0, [dim(axis), dim(r)]), new AffineMap(r + 1, 0, t.shape.map((_, k) => dim(k)))],
    iterators: [...t.shape.map(() => "parallel" as const), "reduction" as const],
    body: ({ b: bb, args }) => [arith(bb, "add", args[2]!, arith(bb, "mul", args[1]!, args[0]!))],
  })[0]!;
}

/** [start, end] of each axis's region of interest (tf_crop_and_resize only; roi is constant). */
function roiOf(c: LowerCtx, opType: string, axes: readonly number[], r: number): ((k: number) => [number, number] | undefined) {
  if (opType !== "Resize" || stringAttr(c.op, "coordinate_transformation_mode", "half_pixel") !== "tf_crop_and_resize") return () => undefined;
  const roiIn = c.input(1), roi = roiIn ? constantNumbers(roiIn) : [];
  if (!roi) throw loweringError(c.op, "roi must be a constant for tf_crop_and_resize");
  if (roi.length === 0) return () => [0, 1];
  const n = roi.length === 2 * r ? r : axes.length;
  if (roi.length !== 2 * n) throw loweringError(c.op, `roi has ${roi.length} values, expected ${2 * axes.length}`);
  return (k) => {
    const pos = n === r ? k : axes.indexOf(k);
    return pos < 0 ? [0, 1] : [roi[pos]!, roi[n + pos]!];
  };
}

const resizeOp = (opType: "Resize" | "Upsample"): Lowering => (c) => {
  let x = c.req(0);
  const t = staticType(c.op, x), out = resultType(c.op), r = t.rank;
  const scalesIn = opType === "Upsample" ? c.input(1) : c.input(2);
  const scales = scalesIn ? constantNumbers(scalesIn) : undefined;
  if (scalesIn && !scales && !c.input(3)) throw loweringError(c.op, "scales must be a constant");
  const axes = (intsAttr(c.op, "axes") ?? Array.from({ length: r }, (_, i) => i)).map((a) => normAxis(c.op, a, r));
  const roi = roiOf(c, opType, axes, r);
  const attrs: Record<string, unknown> = { ...kernelAttrs(c.op) };
  delete attrs.axes; delete attrs.keep_aspect_ratio_policy;
  const useScales = scales !== undefined && scales.length > 0 && !c.input(3);
  for (let k = 0; k < r; k++) {
    const inLen = t.shape[k]!, outLen = out.shape[k]!;
    const pos = axes.indexOf(k);
    const scale = useScales ? (pos >= 0 ? scales![scales!.length === r ? k : pos]! : 1) : undefined;
    const axisRoi = roi(k);
    if (inLen === outLen && (scale === undefined || scale === 1) && !axisRoi) continue;
    let w: AxisWeights;
    try {
      w = axisWeights({ opType, attrs: attrs as Attrs, inLen, outLen, scale, roi: axisRoi });
    } catch (e) {
      throw loweringError(c.op, `cannot build the interpolation weights of axis ${k}: ${(e as Error).message}`);
    }
    if (isIdentity(w, inLen, outLen)) continue;
    const matrix = weightConstant(c, RankedTensorType.get([outLen, inLen], t.elementType), w.matrix);
    const offset = w.offset && weightConstant(c, RankedTensorType.get(t.shape.map((_, j) => (j === k ? outLen : 1)), t.elementType), w.offset);
    x = contractAxis(c.b, x, k, matrix, offset, outLen);
  }
  return [x];
};

export const RESIZE: Record<string, Lowering> = { Resize: resizeOp("Resize"), Upsample: resizeOp("Upsample") };
