import { Tensor, shapeSize } from "@zkmlir/core";
import { KernelError, type Attrs, type Kernel } from "../types.js";
import { attrInt, attrNumbers, requireInput } from "../util/nn-attrs.js";
import { checkDType, floatData, type NumberData } from "../util/nn-dtype.js";
import { ceilModeOf, resolveSpatial, type SpatialParams } from "../util/nn-pads.js";
import { windowMap, type WindowMap } from "../util/nn-window.js";

interface PoolSetup { X: Tensor; N: number; C: number; inDims: number[]; inSize: number; g: SpatialParams; map: WindowMap }

/** Shared front half of the pools: shapes, geometry, window map. */
function poolSetup(op: string, inputs: readonly (Tensor | undefined)[], attrs: Attrs): PoolSetup {
  const X = requireInput(op, inputs, 0, "X");
  if (X.rank < 3) throw new KernelError(`${op}: X must have rank >= 3 (N, C, spatial...), got [${X.shape}]`);
  const inDims = X.shape.slice(2);
  const kernel = attrNumbers(op, attrs, "kernel_shape");
  if (!kernel) throw new KernelError(`${op}: missing required attribute kernel_shape`);
  if (kernel.length !== inDims.length) throw new KernelError(`${op}: kernel_shape [${kernel}] does not match ${inDims.length} spatial dims`);
  const g = resolveSpatial(op, attrs, inDims, kernel, ceilModeOf(op, attrs));
  const map = windowMap({ outer: g.outDims, kernel, strides: g.strides, dilations: g.dilations, padsBegin: g.padsBegin, padsEnd: g.padsEnd, target: inDims });
  return { X, N: X.shape[0]!, C: X.shape[1]!, inDims, inSize: shapeSize(inDims), g, map };
}

/** AveragePool; count_include_pad counts pad cells (not cells past the pads in ceil mode). */
export const averagePool: Kernel = (inputs, attrs) => {
  const op = "AveragePool";
  const s = poolSetup(op, inputs, attrs);
  const x = floatData(op, s.X, "X");
  const includePad = attrInt(op, attrs, "count_include_pad", 0) !== 0;
  const { P, K, offsets, inPadded } = s.map;
  const out = new Tensor(s.X.dtype, [s.N, s.C, ...s.g.outDims]);
  const y = out.data as NumberData;
  for (let nc = 0; nc < s.N * s.C; nc++) {
    const xb = nc * s.inSize;
    for (let p = 0; p < P; p++) {
      let sum = 0, cnt = 0;
      for (let k = 0; k < K; k++) {
        const j = offsets[p * K + k]!;
        if (j >= 0) { sum += x[xb + j]!; cnt++; }
      }
      y[nc * P + p] = sum / (includePad ? inPadded[p]! : cnt);
    }
  }
  return [out];
};

/** LpPool: (sum |x|^p)^(1/p) over each window; pad cells contribute 0. */
export const lpPool: Kernel = (inputs, attrs) => {
  const op = "LpPool";
  const s = poolSetup(op, inputs, attrs);
  const x = floatData(op, s.X, "X");
  const pw = attrInt(op, attrs, "p", 2);
  const { P, K, offsets } = s.map;
  const out = new Tensor(s.X.dtype, [s.N, s.C, ...s.g.outDims]);
  const y = out.data as NumberData;
  for (let nc = 0; nc < s.N * s.C; nc++) {
    const xb = nc * s.inSize;
    for (let p = 0; p < P; p++) {
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const j = offsets[p * K + k]!;
        if (j >= 0) sum += Math.abs(x[xb + j]!) ** pw;
      }
      y[nc * P + p] = sum ** (1 / pw);
    }
  }
  return [out];
};

/** Flat spatial index of a row-major offset in column-major order (storage_order = 1). */
function columnMajorIndex(off: number, dims: readonly number[]): number {
  let idx = 0, colStride = 1;
  const rowStrides: number[] = [];
  let acc = 1;
  for (let d = dims.length - 1; d >= 0; d--) { rowStrides[d] = acc; acc *= dims[d]!; }
  for (let d = 0; d < dims.length; d++) {
    const pos = Math.floor(off / rowStrides[d]!) % dims[d]!;
    idx += pos * colStride;
    colStride *= dims[d]!;
  }
  return idx;
}

/** MaxPool with optional int64 Indices output (flat over N x C x spatial; NaNs ignored). */
export const maxPool: Kernel = (inputs, attrs, nOutputs) => {
  const op = "MaxPool";
  const s = poolSetup(op, inputs, attrs);
  checkDType(op, s.X, "X", ["f32", "f64", "i8", "u8"]);
  const x = s.X.data as NumberData;
  const storageOrder = attrInt(op, attrs, "storage_order", 0);
  if (storageOrder !== 0 && storageOrder !== 1) throw new KernelError(`${op}: storage_order must be 0 or 1, got ${storageOrder}`);
  const { P, K, offsets } = s.map;
  const outShape = [s.N, s.C, ...s.g.outDims];
  const out = new Tensor(s.X.dtype, outShape);
  const y = out.data as NumberData;
  const wantIdx = nOutputs > 1;
  const ind = wantIdx ? new Tensor("i64", outShape) : undefined;
  const iv = ind?.data as BigInt64Array | undefined;
  for (let nc = 0; nc < s.N * s.C; nc++) {
    const xb = nc * s.inSize;
    for (let p = 0; p < P; p++) {
      let m = -Infinity, mj = -1;
      for (let k = 0; k < K; k++) {
        const j = offsets[p * K + k]!;
        if (j >= 0) {
          const v = x[xb + j]!;
          if (v > m || (mj < 0 && !Number.isNaN(v))) { m = v; mj = j; }
        }
      }
      y[nc * P + p] = mj < 0 ? (x instanceof Float32Array || x instanceof Float64Array ? -Infinity : 0) : m;
      if (iv) {
        const sp = mj < 0 ? 0 : storageOrder === 1 ? columnMajorIndex(mj, s.inDims) : mj;
        iv[nc * P + p] = BigInt(xb + sp);
      }
    }
  }
  return ind ? [out, ind] : [out];
};
