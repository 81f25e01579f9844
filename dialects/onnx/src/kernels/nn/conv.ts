import { Tensor, shapeSize } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrInt } from "../util/nn-attrs.js";
import { convKernelShape, convOperands } from "../util/nn-conv-operands.js";
import { rowGeom, rowsPerChunk, type RowGeom } from "../util/nn-conv-rows.js";
import type { FloatData } from "../util/nn-dtype.js";
import { gemmPacked, padInner } from "../util/nn-gemm-packed.js";
import { resolveSpatial } from "../util/nn-pads.js";

/**
 * Conv (1-D/2-D/3-D...): X [N,C,...], W [M,C/group,k...], optional bias B [M].
 * Per batch, group and chunk of output rows: im2col into float64 columns [C/group * taps, points],
 * then one packed GEMM with the group's weights [M/group, C/group * taps]; float64 accumulation,
 * rounded once by the store into Y.
 */
export const conv: Kernel = (inputs, attrs) => {
  const op = "Conv";
  const { X, W, x, w, b } = convOperands(op, inputs);
  const group = attrInt(op, attrs, "group", 1);
  const [N, C] = [X.shape[0]!, X.shape[1]!];
  const [M, Cg] = [W.shape[0]!, W.shape[1]!];
  if (group < 1 || C !== Cg * group || M % group !== 0) {
    throw new KernelError(`${op}: X has ${C} channels and W is [${W.shape}], inconsistent with group ${group}`);
  }
  if (b && b.length !== M) throw new KernelError(`${op}: bias has ${b.length} values, expected ${M}`);
  const kernel = convKernelShape(op, attrs, W);
  const inDims = X.shape.slice(2);
  const g = resolveSpatial(op, attrs, inDims, kernel, false);
  const geom = rowGeom({ outer: g.outDims, kernel, strides: g.strides, dilations: g.dilations, padsBegin: g.padsBegin, padsEnd: g.padsEnd, target: inDims });
  const P = shapeSize(g.outDims), inSize = shapeSize(inDims), Mg = M / group;
  const taps = shapeSize(kernel), Kc = Cg * taps, Kp = padInner(Kc);
  const out = new Tensor(X.dtype, [N, M, ...g.outDims]);
  const y = out.data as FloatData;
  const chunkRows = rowsPerChunk(Kp * geom.outerLen, geom.rows);
  const cols = new Float64Array(Kp * chunkRows * geom.outerLen); // padding rows stay 0
  for (let gi = 0; gi < group; gi++) {
    const wp = new Float64Array(Mg * Kp); // this group's weights, row m = W[m, :, taps...] flattened
    for (let m = 0; m < Mg; m++) for (let k = 0; k < Kc; k++) wp[m * Kp + k] = w[(gi * Mg + m) * Kc + k]!;
    for (let n = 0; n < N; n++) {
      for (let r0 = 0; r0 < geom.rows; r0 += chunkRows) {
        const r1 = Math.min(geom.rows, r0 + chunkRows), width = (r1 - r0) * geom.outerLen;
        im2col(x, (n * C + gi * Cg) * inSize, inSize, Cg, geom, r0, r1, cols, width);
        const acc = new Float64Array(Mg * width);
        gemmPacked(wp, cols, Mg, Kp, width, acc);
        for (let m = 0; m < Mg; m++) {
          const mm = gi * Mg + m, bias = b ? b[mm]! : 0, dst = (n * M + mm) * P + r0 * geom.outerLen, src = m * width;
          for (let j = 0; j < width; j++) y[dst + j] = acc[src + j]! + bias;
        }
      }
    }
  }
  return [out];
};

/**
 * Fills cols[(c*taps + t) * width + (r - r0)*outerLen + o] with X[c] at the input position seen by
 * output point (r, o) under tap t, or 0 where that position is padding.
 */
function im2col(x: FloatData, xb: number, inSize: number, Cg: number, geom: RowGeom, r0: number, r1: number, cols: Float64Array, width: number): void {
  const { leadTaps, rowOffsets, outerLen: OW, targetLen: IW, lastTaps, stride, tapOffset, lo, hi } = geom;
  for (let c = 0; c < Cg; c++) {
    const xc = xb + c * inSize;
    for (let lt = 0; lt < leadTaps; lt++) {
      for (let kx = 0; kx < lastTaps; kx++) {
        const rowBase = ((c * leadTaps + lt) * lastTaps + kx) * width;
        const l = lo[kx]!, h = hi[kx]!, off = tapOffset[kx]!;
        for (let r = r0; r < r1; r++) {
          const dst = rowBase + (r - r0) * OW, ir = rowOffsets[r * leadTaps + lt]!;
          if (ir < 0) { cols.fill(0, dst, dst + OW); continue; }
          cols.fill(0, dst, dst + l);
          const src = xc + ir * IW + off;
          if (stride === 1) for (let o = l; o < h; o++) cols[dst + o] = x[src + o]!;
          else for (let o = l; o < h; o++) cols[dst + o] = x[src + o * stride]!;
          cols.fill(0, dst + h, dst + OW);
        }
      }
    }
  }
}
