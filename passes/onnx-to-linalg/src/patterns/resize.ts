// Resize (and Upsample) as one contraction per resized axis with a constant interpolation
// matrix M[o, i]: out[.., o, ..] = sum_i M[o, i] * x[.., i, ..]. Every supported mode
// (nearest, linear, cubic, antialias, each coordinate transform) is separable per axis, so M is
// computed at compile time by running the reference Resize kernel on the one-hot vectors of a
// 1-D axis: column i of M is the kernel's output for e_i. Nearest matrices are 0/1, so nearest
// resizing is exact; the others round the weights to the element type.
import { AffineMap, DenseElementsAttr, RankedTensorType, Tensor, dim, dtypeOf, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import { ONNX_KERNELS, kernelAttrs, type Attrs } from "@zkmlir/onnx-dialect";
import { generic, filled } from "../build/structured.js";
import { arith } from "../build/scalar.js";
import { constantNumbers } from "../util/constants.js";
import { intsAttr, stringAttr } from "../util/attrs.js";
import { normAxis, resultType, staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import { denseConstant } from "./constants.js";
import type { Lowering } from "./lowering.js";

/** The interpolation matrix [outLen, inLen] of one axis, probed from the reference kernel. */
function axisMatrix(attrs: Attrs, inLen: number, outLen: number, scale: number | undefined, opType: string): Float64Array {
  const kernel = ONNX_KERNELS[opType]!;
  const m = new Float64Array(outLen * inLen);
  for (let i = 0; i < inLen; i++) {
    const x = new Tensor("f64", [inLen]);
    x.data[i] = 1;
    const inputs = opType === "Upsample"
      ? [x, new Tensor("f32", [1], Float32Array.of(scale!))]
      : [x, undefined, scale !== undefined ? new Tensor("f32", [1], Float32Array.of(scale)) : undefined, scale === undefined ? new Tensor("i64", [1], BigInt64Array.of(BigInt(outLen))) : undefined];
    const [y] = kernel(inputs, attrs, 1);
    if (!y || y.size !== outLen) throw new Error(`probe produced ${y?.size} values, expected ${outLen}`);
    for (let o = 0; o < outLen; o++) m[o * inLen + i] = y.getNumber(o);
  }
  return m;
}

function contractAxis(b: Builder, x: Value, axis: number, matrix: Value, outLen: number): Value {
  const t = x.type as RankedTensorType, r = t.rank;
  const out = RankedTensorType.get(t.shape.map((d, k) => (k === axis ? outLen : d)), t.elementType);
  const xRes: AffineExpr[] = t.shape.map((_, k) => dim(k === axis ? r : k));
  return generic(b, {
    inputs: [x, matrix],
    outputs: [filled(b, out, 0)],
    maps: [new AffineMap(r + 1, 0, xRes), new AffineMap(r + 1, 0, [dim(axis), dim(r)]), new AffineMap(r + 1, 0, t.shape.map((_, k) => dim(k)))],
    iterators: [...t.shape.map(() => "parallel" as const), "reduction" as const],
    body: ({ b: bb, args }) => [arith(bb, "add", args[2]!, arith(bb, "mul", args[1]!, args[0]!))],
  })[0]!;
}

const resizeOp = (opType: "Resize" | "Upsample"): Lowering => (c) => {
  let x = c.req(0);
  const t = staticType(c.op, x), out = resultType(c.op), r = t.rank;
  if (stringAttr(c.op, "coordinate_transformation_mode", "half_pixel") === "tf_crop_and_resize") throw loweringError(c.op, "tf_crop_and_resize is not supported");
  const scalesIn = opType === "Upsample" ? c.input(1) : c.input(2);
  const scales = scalesIn ? constantNumbers(scalesIn) : undefined;
  if (scalesIn && !scales && !c.input(3)) throw loweringError(c.op, "scales must be a constant");
  const axes = (intsAttr(c.op, "axes") ?? Array.from({ length: r }, (_, i) => i)).map((a) => normAxis(c.op, a, r));
  const attrs: Record<string, unknown> = { ...kernelAttrs(c.op) };
  delete attrs.axes; delete attrs.keep_aspect_ratio_policy;
  const useScales = scales !== undefined && scales.length > 0 && !c.input(3);
  for (let k = 0; k < r; k++) {
    const inLen = t.shape[k]!, outLen = out.shape[k]!;
    const pos = axes.indexOf(k);
    const scale = useScales ? (pos >= 0 ? scales![scales!.length === r ? k : pos]! : 1) : undefined;
    if (inLen === outLen && (scale === undefined || scale === 1)) continue;
    let m: Float64Array;
    try {
      m = axisMatrix(attrs as Attrs, inLen, outLen, scale, opType);
    } catch (e) {
      throw loweringError(c.op, `cannot build the interpolation weights of axis ${k}: ${(e as Error).message}`);
    }
    const dt = dtypeOf(t.elementType);
    const data = dt === "f64" ? m : dt === "f32" ? Float32Array.from(m) : undefined;
    if (!data) throw loweringError(c.op, `element type ${t.elementType.key} is not supported`);
    const matrix = denseConstant(c.b, new DenseElementsAttr(RankedTensorType.get([outLen, inLen], t.elementType), data, false));
    x = contractAxis(c.b, x, k, matrix, outLen);
  }
  return [x];
};

export const RESIZE: Record<string, Lowering> = { Resize: resizeOp("Resize"), Upsample: resizeOp("Upsample") };
