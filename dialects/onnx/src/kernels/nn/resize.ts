import { Tensor, shapeSize, shapeStrides } from "@zkmlir/core";
import { KernelError, type Attrs, type Kernel } from "../types.js";
import { attrFloat, attrInt, attrNumbers, attrString, floatsOf, intsOf, normAxis, requireInput } from "../util/nn-attrs.js";
import { checkDType, NUMERIC, type NumberData } from "../util/nn-dtype.js";
import { gatherByMap } from "../util/nn-gather.js";
import { axisTaps, type AxisOptions, type AxisTaps } from "./resize-axis.js";

interface ResizePlan { outShape: number[]; scales: number[]; roi: [number, number][] }

/** Output shape, per-dim scales and roi from scales/sizes/roi over `axes` (reference semantics). */
function planResize(op: string, X: Tensor, attrs: Attrs, roiIn: number[] | undefined, scalesIn: number[] | undefined, sizesIn: number[] | undefined): ResizePlan {
  const r = X.rank;
  const axes = (attrNumbers(op, attrs, "axes") ?? [...X.shape.keys()]).map((a) => normAxis(op, a, r, "axes entry"));
  if (new Set(axes).size !== axes.length) throw new KernelError(`${op}: axes [${axes}] has a repeated axis`);
  const n = axes.length;
  const roi: [number, number][] = X.shape.map(() => [0, 1]);
  if (roiIn) {
    if (roiIn.length !== 2 * n) throw new KernelError(`${op}: roi has ${roiIn.length} values, expected ${2 * n}`);
    axes.forEach((a, i) => { roi[a] = [roiIn[i]!, roiIn[n + i]!]; });
  }
  const scales = X.shape.map(() => 1);
  const outShape = X.shape.slice();
  if (scalesIn && sizesIn) throw new KernelError(`${op}: only one of scales and sizes may be given`);
  if (scalesIn) {
    if (scalesIn.length !== n) throw new KernelError(`${op}: scales has ${scalesIn.length} values, expected ${n}`);
    axes.forEach((a, i) => {
      const s = scalesIn[i]!;
      if (!(s > 0)) throw new KernelError(`${op}: scale ${s} for axis ${a} must be positive`);
      scales[a] = s;
      outShape[a] = Math.floor(s * X.shape[a]!);
    });
  } else if (sizesIn) {
    if (sizesIn.length !== n) throw new KernelError(`${op}: sizes has ${sizesIn.length} values, expected ${n}`);
    const policy = attrString(op, attrs, "keep_aspect_ratio_policy", "stretch");
    const ratios = axes.map((a, i) => sizesIn[i]! / X.shape[a]!);
    if (policy === "stretch") {
      axes.forEach((a, i) => { scales[a] = ratios[i]!; outShape[a] = sizesIn[i]!; });
    } else if (policy === "not_larger" || policy === "not_smaller") {
      const s = policy === "not_larger" ? Math.min(...ratios) : Math.max(...ratios);
      for (const a of axes) { scales[a] = s; outShape[a] = Math.floor(s * X.shape[a]! + 0.5); }
    } else throw new KernelError(`${op}: unknown keep_aspect_ratio_policy "${policy}"`);
  } else throw new KernelError(`${op}: one of scales and sizes is required`);
  if (outShape.some((d) => d < 0)) throw new KernelError(`${op}: negative output shape [${outShape}]`);
  return { outShape, scales, roi };
}

function isIdentity(t: AxisTaps, inLen: number, outLen: number): boolean {
  if (inLen !== outLen) return false;
  for (let o = 0; o < outLen; o++) {
    for (let k = 0; k < t.taps; k++) {
      const w = t.w[o * t.taps + k]!;
      if (w !== 0 && (w !== 1 || t.idx[o * t.taps + k] !== o)) return false;
    }
    if (t.outside[o]) return false;
  }
  return true;
}

/** Interpolate along one axis: [pre, inLen, post] -> [pre, outLen, post]. */
function applyAxis(src: Float64Array, pre: number, inLen: number, post: number, t: AxisTaps, outLen: number): Float64Array {
  const dst = new Float64Array(pre * outLen * post);
  for (let p = 0; p < pre; p++) {
    for (let o = 0; o < outLen; o++) {
      const db = (p * outLen + o) * post;
      for (let k = 0; k < t.taps; k++) {
        const w = t.w[o * t.taps + k]!;
        if (w === 0) continue;
        const sb = (p * inLen + t.idx[o * t.taps + k]!) * post;
        for (let q = 0; q < post; q++) dst[db + q] += w * src[sb + q]!;
      }
    }
  }
  return dst;
}

/** Whether output flat index i has a coordinate outside the crop on some axis. */
function outsideMask(outShape: readonly number[], taps: readonly AxisTaps[]): Uint8Array | undefined {
  if (!taps.some((t) => t.outside.some((v) => v !== 0))) return undefined;
  const n = shapeSize(outShape), strides = shapeStrides(outShape);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < outShape.length; d++) {
      if (taps[d]!.outside[Math.floor(i / strides[d]!) % outShape[d]!]) { mask[i] = 1; break; }
    }
  }
  return mask;
}

/** Shared engine of Resize and Upsample. */
export function resizeTensor(op: string, X: Tensor, plan: ResizePlan, o: AxisOptions, extrapolation: number): Tensor {
  checkDType(op, X, "X", NUMERIC);
  const { outShape } = plan;
  const taps = X.shape.map((len, d) => axisTaps(len, outShape[d]!, plan.scales[d]!, plan.roi[d]!, o));
  const mask = outsideMask(outShape, taps);
  if (o.mode === "nearest") {
    // Exact for every dtype: a pure gather of source elements.
    const inStr = shapeStrides(X.shape), outStr = shapeStrides(outShape);
    const map = new Int32Array(shapeSize(outShape));
    for (let i = 0; i < map.length; i++) {
      let off = 0;
      for (let d = 0; d < outShape.length; d++) off += taps[d]!.idx[Math.floor(i / outStr[d]!) % outShape[d]!]! * inStr[d]!;
      map[i] = off;
    }
    const out = gatherByMap(X, outShape, map);
    if (mask) for (let i = 0; i < map.length; i++) if (mask[i]) setValue(out, i, extrapolation);
    return out;
  }
  if (X.dtype === "i64") throw new KernelError(`unsupported: ${op} ${o.mode} interpolation of int64 data`);
  let cur: Float64Array = Float64Array.from(X.data as NumberData);
  const shape = X.shape.slice();
  for (let d = 0; d < shape.length; d++) {
    if (isIdentity(taps[d]!, shape[d]!, outShape[d]!)) continue;
    const pre = shapeSize(shape.slice(0, d)), post = shapeSize(shape.slice(d + 1));
    cur = applyAxis(cur, pre, shape[d]!, post, taps[d]!, outShape[d]!);
    shape[d] = outShape[d]!;
  }
  if (mask) for (let i = 0; i < cur.length; i++) if (mask[i]) cur[i] = extrapolation;
  const out = new Tensor(X.dtype, outShape);
  (out.data as NumberData).set(cur);
  return out;
}

function setValue(t: Tensor, i: number, v: number): void {
  if (t.data instanceof BigInt64Array) t.data[i] = BigInt(Math.trunc(v));
  else (t.data as NumberData)[i] = v;
}

/** Resize (opset 19 semantics; opset 10's two-input form and empty optional inputs accepted). */
export const resize: Kernel = (inputs, attrs) => {
  const op = "Resize";
  const X = requireInput(op, inputs, 0, "X");
  const nonEmpty = (t: Tensor | undefined): Tensor | undefined => (t && t.size > 0 ? t : undefined);
  // Opset 10: Resize(X, scales). Later: Resize(X, roi, scales, sizes).
  const twoInput = inputs.length === 2;
  const roiT = twoInput ? undefined : nonEmpty(inputs[1]);
  const scalesT = nonEmpty(twoInput ? inputs[1] : inputs[2]), sizesT = twoInput ? undefined : nonEmpty(inputs[3]);
  const plan = planResize(op, X, attrs, roiT && floatsOf(op, roiT, "roi"), scalesT && floatsOf(op, scalesT, "scales"), sizesT && intsOf(op, sizesT, "sizes"));
  const mode = attrString(op, attrs, "mode", "nearest");
  if (mode !== "nearest" && mode !== "linear" && mode !== "cubic") throw new KernelError(`${op}: unknown mode "${mode}"`);
  const antialias = attrInt(op, attrs, "antialias", 0) !== 0;
  if (antialias && mode === "nearest") throw new KernelError(`${op}: antialias is not defined for mode nearest`);
  const o: AxisOptions = {
    mode,
    coordMode: attrString(op, attrs, "coordinate_transformation_mode", twoInput ? "asymmetric" : "half_pixel"),
    nearestMode: attrString(op, attrs, "nearest_mode", twoInput ? "floor" : "round_prefer_floor"),
    cubicA: attrFloat(op, attrs, "cubic_coeff_a", -0.75),
    excludeOutside: attrInt(op, attrs, "exclude_outside", 0) !== 0,
    antialias,
  };
  return [resizeTensor(op, X, plan, o, attrFloat(op, attrs, "extrapolation_value", 0))];
};

/** Upsample (deprecated): asymmetric coordinates, nearest = floor (np.repeat) or linear. */
export const upsample: Kernel = (inputs, attrs) => {
  const op = "Upsample";
  const X = requireInput(op, inputs, 0, "X");
  const scales = inputs[1] ? floatsOf(op, inputs[1], "scales") : attrNumbers(op, attrs, "scales");
  if (!scales) throw new KernelError(`${op}: scales (input 1 or attribute) is required`);
  if (scales.length !== X.rank) throw new KernelError(`${op}: scales has ${scales.length} values for rank ${X.rank}`);
  if (scales.some((s) => s < 1)) throw new KernelError(`${op}: scales must be >= 1, got [${scales}]`);
  const mode = attrString(op, attrs, "mode", "nearest");
  const m = mode === "bilinear" ? "linear" : mode;
  if (m !== "nearest" && m !== "linear") throw new KernelError(`${op}: unknown mode "${mode}"`);
  const plan = { outShape: X.shape.map((d, i) => Math.floor(d * scales[i]!)), scales, roi: X.shape.map((): [number, number] => [0, 1]) };
  const o: AxisOptions = { mode: m, coordMode: "asymmetric", nearestMode: "floor", cubicA: -0.75, excludeOutside: false, antialias: false };
  return [resizeTensor(op, X, plan, o, 0)];
};
