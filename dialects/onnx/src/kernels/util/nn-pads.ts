import { KernelError, type Attrs } from "../types.js";
import { attrInt, attrNumbers, attrString } from "./nn-attrs.js";

/** Resolved spatial geometry of a Conv or pooling node. */
export interface SpatialParams {
  kernel: number[];
  strides: number[];
  dilations: number[];
  padsBegin: number[];
  padsEnd: number[];
  outDims: number[];
}

/** An INTS attribute of length n, or `def` repeated. */
export function spatialAttr(op: string, attrs: Attrs, name: string, n: number, def: number): number[] {
  const v = attrNumbers(op, attrs, name);
  if (v === undefined) return new Array<number>(n).fill(def);
  if (v.length !== n) throw new KernelError(`${op}: attribute ${name} has ${v.length} values, expected ${n}`);
  return v;
}

/**
 * Output size and padding of a windowed op (ONNX Conv/Pool rules): explicit pads with floor or
 * ceil rounding (a ceil window that would start inside the end padding is dropped), VALID, or
 * SAME_UPPER/SAME_LOWER (output = ceil(in/stride), the odd pad cell at the end/begin).
 */
export function resolveSpatial(op: string, attrs: Attrs, inDims: readonly number[], kernel: readonly number[], ceilMode: boolean): SpatialParams {
  const n = inDims.length;
  const strides = spatialAttr(op, attrs, "strides", n, 1);
  const dilations = spatialAttr(op, attrs, "dilations", n, 1);
  const autoPad = attrString(op, attrs, "auto_pad", "NOTSET");
  const padsBegin = new Array<number>(n).fill(0), padsEnd = new Array<number>(n).fill(0);
  const outDims = new Array<number>(n);
  if (strides.some((s) => s < 1) || dilations.some((d) => d < 1) || kernel.some((k) => k < 1)) {
    throw new KernelError(`${op}: strides, dilations and kernel_shape must be positive`);
  }
  for (let i = 0; i < n; i++) {
    const effK = (kernel[i]! - 1) * dilations[i]! + 1, inD = inDims[i]!, s = strides[i]!;
    if (autoPad === "SAME_UPPER" || autoPad === "SAME_LOWER") {
      const out = Math.ceil(inD / s);
      const total = Math.max(0, (out - 1) * s + effK - inD);
      const small = Math.floor(total / 2);
      padsBegin[i] = autoPad === "SAME_UPPER" ? small : total - small;
      padsEnd[i] = total - padsBegin[i]!;
      outDims[i] = out;
      continue;
    }
    if (autoPad === "NOTSET") {
      const pads = attrNumbers(op, attrs, "pads");
      if (pads !== undefined) {
        if (pads.length !== 2 * n) throw new KernelError(`${op}: pads has ${pads.length} values, expected ${2 * n}`);
        padsBegin[i] = pads[i]!;
        padsEnd[i] = pads[i + n]!;
      }
    } else if (autoPad !== "VALID") {
      throw new KernelError(`${op}: unknown auto_pad "${autoPad}"`);
    }
    const span = inD + padsBegin[i]! + padsEnd[i]! - effK;
    let out = (ceilMode ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
    if (ceilMode && (out - 1) * s >= inD + padsBegin[i]!) out--;
    outDims[i] = out;
  }
  if (outDims.some((d) => d <= 0)) {
    throw new KernelError(`${op}: output spatial shape [${outDims}] is empty for input [${inDims}], kernel [${kernel}]`);
  }
  return { kernel: kernel.slice(), strides, dilations, padsBegin, padsEnd, outDims };
}

export function ceilModeOf(op: string, attrs: Attrs): boolean {
  return attrInt(op, attrs, "ceil_mode", 0) !== 0;
}
