import { KernelError } from "../types.js";

/** How one axis of Resize maps output coordinates to weighted input taps. */
export interface AxisOptions {
  mode: "nearest" | "linear" | "cubic";
  coordMode: string;
  nearestMode: string;
  cubicA: number;
  excludeOutside: boolean;
  antialias: boolean;
}

/**
 * For each output coordinate: `taps` input indices and weights (idx/w at o*taps + t), and whether
 * the coordinate falls outside the input under tf_crop_and_resize (then the whole output point is
 * extrapolation_value). Mirrors the ONNX reference: taps are the nearest indices to x_original
 * (ties toward lower), edge-clamped, or dropped and renormalised with exclude_outside.
 */
export interface AxisTaps { taps: number; idx: Int32Array; w: Float64Array; outside: Uint8Array }

/** x_original for output coordinate x (ONNX coordinate_transformation_mode). */
function originalCoord(x: number, inLen: number, outLen: number, scale: number, roi: [number, number], mode: string): number {
  const outWidth = scale * inLen; // the reference uses this float, not the integer size
  switch (mode) {
    case "half_pixel": return (x + 0.5) / scale - 0.5;
    case "half_pixel_symmetric": {
      const adjustment = outLen / outWidth;
      const offset = (inLen / 2) * (1 - adjustment);
      return offset + (x + 0.5) / scale - 0.5;
    }
    case "pytorch_half_pixel": return outWidth === 1 ? -0.5 : (x + 0.5) / scale - 0.5;
    case "align_corners": return outWidth === 1 ? 0 : (x * (inLen - 1)) / (outWidth - 1);
    case "asymmetric": return x / scale;
    case "tf_crop_and_resize": {
      const [s, e] = roi;
      const v = outWidth === 1 ? ((e - s) * (inLen - 1)) / 2 : (x * (e - s) * (inLen - 1)) / (outWidth - 1);
      return v + s * (inLen - 1);
    }
    default: throw new KernelError(`Resize: unknown coordinate_transformation_mode "${mode}"`);
  }
}

function cubicWeight(x: number, A: number): number {
  const a = Math.abs(x);
  if (a <= 1) return ((A + 2) * a - (A + 3)) * a * a + 1;
  if (a < 2) return ((A * a - 5 * A) * a + 8 * A) * a - 4 * A;
  return 0;
}

/** Offset of the first tap from the base index, and the tap count. */
function footprint(o: AxisOptions, scale: number): [number, number] {
  if (o.mode === "nearest") return [0, 1];
  const support = o.mode === "linear" ? 1 : 2;
  const s = o.antialias ? Math.min(scale, 1) : 1;
  const start = Math.floor(-support / s) + 1;
  return [start, 2 - 2 * start];
}

export function axisTaps(inLen: number, outLen: number, scale: number, roi: [number, number], o: AxisOptions): AxisTaps {
  const [start, taps] = footprint(o, scale);
  const idx = new Int32Array(outLen * taps), w = new Float64Array(outLen * taps), outside = new Uint8Array(outLen);
  const s = o.antialias ? Math.min(scale, 1) : 1;
  for (let x = 0; x < outLen; x++) {
    const xo = originalCoord(x, inLen, outLen, scale, roi, o.coordMode);
    if (o.coordMode === "tf_crop_and_resize" && (xo < 0 || xo > inLen - 1)) outside[x] = 1;
    // Base index and ratio in (0, 1]: an integral x_original sits at ratio 1 of the cell before it.
    const isInt = Number.isInteger(xo);
    const base = isInt ? xo - 1 : Math.floor(xo);
    const ratio = isInt ? 1 : xo - base;
    const at = x * taps;
    if (o.mode === "nearest") {
      let up: boolean;
      if (isInt) up = true;
      else if (o.nearestMode === "round_prefer_floor") up = ratio > 0.5;
      else if (o.nearestMode === "round_prefer_ceil") up = ratio >= 0.5;
      else if (o.nearestMode === "floor") up = false;
      else if (o.nearestMode === "ceil") up = true;
      else throw new KernelError(`Resize: unknown nearest_mode "${o.nearestMode}"`);
      idx[at] = Math.min(Math.max(up ? base + 1 : base, 0), inLen - 1);
      w[at] = 1;
      continue;
    }
    let sum = 0;
    for (let t = 0; t < taps; t++) {
      const d = start + t - ratio; // signed distance from x_original to this tap
      let c: number;
      if (o.mode === "linear") c = Math.max(0, 1 - Math.abs(d * s));
      else c = cubicWeight(d * s, o.cubicA);
      const i = base + start + t;
      if (o.excludeOutside && (i < 0 || i >= inLen)) c = 0;
      idx[at + t] = Math.min(Math.max(i, 0), inLen - 1);
      w[at + t] = c;
      sum += c;
    }
    if (o.antialias || o.excludeOutside) for (let t = 0; t < taps; t++) w[at + t] /= sum;
  }
  return { taps, idx, w, outside };
}
