import { Tensor, shapeSize } from "@zkmlir/core";
import { KernelError, type Attrs, type Kernel } from "../types.js";
import { attrInt, attrNumbers, attrString } from "../util/nn-attrs.js";
import { convKernelShape, convOperands } from "../util/nn-conv-operands.js";
import { spatialAttr } from "../util/nn-pads.js";
import { rowGeom, rowsPerChunk, type RowGeom } from "../util/nn-conv-rows.js";
import type { FloatData } from "../util/nn-dtype.js";
import { gemmPacked, padInner } from "../util/nn-gemm-packed.js";

interface TransposeGeom { outDims: number[]; padsBegin: number[]; padsEnd: number[]; strides: number[]; dilations: number[] }

/** Output size and pads of ConvTranspose (Operators.md formulas; output_shape wins over pads). */
function transposeGeom(op: string, attrs: Attrs, inDims: readonly number[], kernel: readonly number[]): TransposeGeom {
  const n = inDims.length;
  const strides = spatialAttr(op, attrs, "strides", n, 1);
  const dilations = spatialAttr(op, attrs, "dilations", n, 1);
  const outPad = spatialAttr(op, attrs, "output_padding", n, 0);
  const autoPad = attrString(op, attrs, "auto_pad", "NOTSET");
  if (!["NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"].includes(autoPad)) throw new KernelError(`${op}: unknown auto_pad "${autoPad}"`);
  const pads = autoPad === "NOTSET" ? attrNumbers(op, attrs, "pads") : undefined;
  if (pads && pads.length !== 2 * n) throw new KernelError(`${op}: pads has ${pads.length} values, expected ${2 * n}`);
  let outShape = attrNumbers(op, attrs, "output_shape");
  if (outShape && outShape.length > n) outShape = outShape.slice(outShape.length - n); // may include N, C
  if (outShape && outShape.length !== n) throw new KernelError(`${op}: output_shape has ${outShape.length} values, expected ${n}`);
  const full = (i: number): number => strides[i]! * (inDims[i]! - 1) + outPad[i]! + (kernel[i]! - 1) * dilations[i]! + 1;
  const padsBegin: number[] = [], padsEnd: number[] = [], outDims: number[] = [];
  for (let i = 0; i < n; i++) {
    if (pads && outShape === undefined) {
      padsBegin.push(pads[i]!);
      padsEnd.push(pads[i + n]!);
      outDims.push(full(i) - pads[i]! - pads[i + n]!);
    } else if (pads) {
      padsBegin.push(pads[i]!); // explicit pads together with output_shape: keep both (ONNX reference)
      padsEnd.push(pads[i + n]!);
      outDims.push(outShape![i]!);
    } else if (outShape || autoPad === "SAME_UPPER" || autoPad === "SAME_LOWER") {
      const target = outShape ? outShape[i]! : inDims[i]! * strides[i]!;
      const total = full(i) - target;
      const half = Math.floor(total / 2);
      padsBegin.push(autoPad === "SAME_UPPER" ? half : total - half);
      padsEnd.push(autoPad === "SAME_UPPER" ? total - half : half);
      outDims.push(target);
    } else {
      padsBegin.push(0);
      padsEnd.push(0);
      outDims.push(full(i));
    }
  }
  if (outDims.some((d) => d <= 0)) throw new KernelError(`${op}: output spatial shape [${outDims}] is empty`);
  return { outDims, padsBegin, padsEnd, strides, dilations };
}

/**
 * ConvTranspose: X [N,C,...], W [C, M/group, k...], optional bias [M]. Per batch, group and chunk
 * of input rows: one packed GEMM cols[m*taps + t, i] = sum_c W[c, m, t] * X[c, i] (float64), then
 * col2im scatters each (m, tap) row segment into the output at i*stride - padBegin + k*dilation.
 */
export const convTranspose: Kernel = (inputs, attrs) => {
  const op = "ConvTranspose";
  const { X, W, x, w, b } = convOperands(op, inputs);
  const group = attrInt(op, attrs, "group", 1);
  const [N, C] = [X.shape[0]!, X.shape[1]!];
  const Mg = W.shape[1]!, M = Mg * group;
  if (group < 1 || W.shape[0] !== C || C % group !== 0) {
    throw new KernelError(`${op}: X has ${C} channels and W is [${W.shape}], inconsistent with group ${group}`);
  }
  if (b && b.length !== M) throw new KernelError(`${op}: bias has ${b.length} values, expected ${M}`);
  const kernel = convKernelShape(op, attrs, W);
  const inDims = X.shape.slice(2);
  const g = transposeGeom(op, attrs, inDims, kernel);
  // Input point i scatters into output positions i*stride - padBegin + k*dilation.
  const geom = rowGeom({ outer: inDims, kernel, strides: g.strides, dilations: g.dilations, padsBegin: g.padsBegin, padsEnd: g.padsEnd, target: g.outDims });
  const P = shapeSize(inDims), outSize = shapeSize(g.outDims), Cg = C / group, taps = shapeSize(kernel), Kp = padInner(Cg);
  const out = new Tensor(X.dtype, [N, M, ...g.outDims]);
  const y = out.data as FloatData;
  const rows = Mg * taps, chunkRows = rowsPerChunk(rows * geom.outerLen, geom.rows);
  const acc = new Float64Array(Mg * outSize);
  for (let gi = 0; gi < group; gi++) {
    const wt = new Float64Array(rows * Kp); // W transposed: row (m*taps + t), column c
    for (let c = 0; c < Cg; c++) for (let r = 0; r < rows; r++) wt[r * Kp + c] = w[(gi * Cg + c) * rows + r]!;
    for (let n = 0; n < N; n++) {
      for (let m = 0; m < Mg; m++) acc.fill(b ? b[gi * Mg + m]! : 0, m * outSize, (m + 1) * outSize);
      for (let r0 = 0; r0 < geom.rows; r0 += chunkRows) {
        const r1 = Math.min(geom.rows, r0 + chunkRows), width = (r1 - r0) * geom.outerLen, i0 = r0 * geom.outerLen;
        const xs = new Float64Array(Kp * width); // padding channels stay 0
        for (let c = 0; c < Cg; c++) {
          const src = (n * C + gi * Cg + c) * P + i0;
          for (let i = 0; i < width; i++) xs[c * width + i] = x[src + i]!;
        }
        const cols = new Float64Array(rows * width);
        gemmPacked(wt, xs, rows, Kp, width, cols);
        col2im(cols, width, Mg, geom, r0, r1, acc, outSize);
      }
      y.set(acc, (n * M + gi * Mg) * outSize);
    }
  }
  return [out];
};

/** acc[m*outSize + target(r, i, t)] += cols[(m*taps + t)*width + (r - r0)*inLen + i] for targets inside the output. */
function col2im(cols: Float64Array, width: number, Mg: number, geom: RowGeom, r0: number, r1: number, acc: Float64Array, outSize: number): void {
  const { leadTaps, rowOffsets, outerLen: IW, targetLen: OW, lastTaps, stride, tapOffset, lo, hi } = geom;
  for (let m = 0; m < Mg; m++) {
    const ob = m * outSize;
    for (let lt = 0; lt < leadTaps; lt++) {
      for (let kx = 0; kx < lastTaps; kx++) {
        const rowBase = ((m * leadTaps + lt) * lastTaps + kx) * width;
        const l = lo[kx]!, h = hi[kx]!, off = tapOffset[kx]!;
        for (let r = r0; r < r1; r++) {
          const orow = rowOffsets[r * leadTaps + lt]!;
          if (orow < 0) continue;
          const src = rowBase + (r - r0) * IW, dst = ob + orow * OW + off;
          if (stride === 1) for (let i = l; i < h; i++) acc[dst + i] += cols[src + i]!;
          else for (let i = l; i < h; i++) acc[dst + i * stride] += cols[src + i]!;
        }
      }
    }
  }
}
