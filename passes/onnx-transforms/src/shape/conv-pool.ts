// Windowed ops: Conv, ConvTranspose, the pools, global pools and MaxUnpool. Spatial output sizes
// follow Operators.md (explicit pads with floor/ceil, VALID, SAME_UPPER/SAME_LOWER = ceil(in/s)).
import { DYNAMIC } from "@zkmlir/core";
import type { ShapeContext, ShapeFn } from "./context.js";
import { isKnown, unknownDims } from "./dims.js";

function perDim(c: ShapeContext, name: string, n: number, dflt: number): number[] {
  const v = c.intList(name);
  if (v === undefined) return new Array<number>(n).fill(dflt);
  if (v.length !== n) c.fail(`attribute ${name} has ${v.length} values, expected ${n}`);
  return v;
}

/** Output spatial sizes of a windowed op over `spatial` input dims. */
function windowed(c: ShapeContext, spatial: readonly number[], kernel: readonly number[], ceil: boolean): number[] {
  const n = spatial.length;
  const strides = perDim(c, "strides", n, 1);
  const dil = perDim(c, "dilations", n, 1);
  const autoPad = c.str("auto_pad", "NOTSET");
  const pads = autoPad === "NOTSET" ? c.intList("pads") ?? new Array<number>(2 * n).fill(0) : new Array<number>(2 * n).fill(0);
  if (pads.length !== 2 * n) c.fail(`pads has ${pads.length} values, expected ${2 * n}`);
  if (!["NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER"].includes(autoPad)) c.fail(`unknown auto_pad "${autoPad}"`);
  return spatial.map((inD, i) => {
    const k = kernel[i]!;
    if (!isKnown(inD) || !isKnown(k)) return DYNAMIC;
    const s = strides[i]!;
    if (autoPad === "SAME_UPPER" || autoPad === "SAME_LOWER") return Math.ceil(inD / s);
    const effK = (k - 1) * dil[i]! + 1;
    const span = inD + pads[i]! + pads[i + n]! - effK;
    let out = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
    if (ceil && (out - 1) * s >= inD + pads[i]!) out--;
    if (out <= 0) c.fail(`output spatial dim ${i} is empty (input ${inD}, kernel ${k})`);
    return out;
  });
}

const conv: ShapeFn = (c) => {
  const x = c.required(0, "X"), w = c.required(1, "W");
  const rank = x?.length ?? w?.length;
  if (rank === undefined) return [undefined];
  if (rank < 3) c.fail("X must have rank >= 3");
  const kernel = c.intList("kernel_shape") ?? (w ? w.slice(2) : unknownDims(rank - 2));
  const spatial = x ? windowed(c, x.slice(2), kernel, false) : unknownDims(rank - 2);
  return [[x?.[0] ?? DYNAMIC, w?.[0] ?? DYNAMIC, ...spatial]];
};

const convTranspose: ShapeFn = (c) => {
  const x = c.required(0, "X"), w = c.required(1, "W");
  if (!x) return [undefined];
  const n = x.length - 2;
  const m = w && isKnown(w[1]!) ? w[1]! * c.int("group", 1) : DYNAMIC;
  const kernel = c.intList("kernel_shape") ?? (w ? w.slice(2) : unknownDims(n));
  const strides = perDim(c, "strides", n, 1);
  const dil = perDim(c, "dilations", n, 1);
  const outPad = perDim(c, "output_padding", n, 0);
  const autoPad = c.str("auto_pad", "NOTSET");
  let outShape = c.intList("output_shape");
  if (outShape && outShape.length > n) outShape = outShape.slice(outShape.length - n);
  const pads = autoPad === "NOTSET" ? c.intList("pads") : undefined;
  const spatial = x.slice(2).map((inD, i) => {
    if (outShape) return outShape[i]!;
    if (!isKnown(inD) || !isKnown(kernel[i]!)) return DYNAMIC;
    if (autoPad === "SAME_UPPER" || autoPad === "SAME_LOWER") return inD * strides[i]!;
    const full = strides[i]! * (inD - 1) + outPad[i]! + (kernel[i]! - 1) * dil[i]! + 1;
    return pads ? full - pads[i]! - pads[i + n]! : full;
  });
  return [[x[0]!, m, ...spatial]];
};

const pool: ShapeFn = (c) => {
  const x = c.required(0, "X");
  if (!x) return [undefined, undefined];
  const kernel = c.intList("kernel_shape");
  if (!kernel) return c.fail("requires attribute kernel_shape");
  const out = [x[0]!, x[1]!, ...windowed(c, x.slice(2), kernel, c.int("ceil_mode", 0) !== 0)];
  return [out, out];
};

const globalPool: ShapeFn = (c) => {
  const x = c.required(0, "X");
  return [x ? x.map((d, i) => (i < 2 ? d : 1)) : undefined];
};

const maxUnpool: ShapeFn = (c) => {
  const x = c.required(0, "X");
  const given = c.ints(2);
  if (given) return [given];
  if (c.has(2) || !x) return [x ? unknownDims(x.length) : undefined];
  const n = x.length - 2;
  const kernel = c.intList("kernel_shape");
  if (!kernel) return c.fail("requires attribute kernel_shape");
  const strides = perDim(c, "strides", n, 1);
  const pads = c.intList("pads") ?? new Array<number>(2 * n).fill(0);
  return [[x[0]!, x[1]!, ...x.slice(2).map((d, i) => (isKnown(d) ? (d - 1) * strides[i]! + kernel[i]! - pads[i]! - pads[i + n]! : DYNAMIC))]];
};

export const CONV_POOL_SHAPES: Record<string, ShapeFn> = {
  Conv: conv,
  ConvTranspose: convTranspose,
  AveragePool: pool,
  MaxPool: pool,
  LpPool: pool,
  GlobalAveragePool: globalPool,
  GlobalMaxPool: globalPool,
  MaxUnpool: maxUnpool,
};
