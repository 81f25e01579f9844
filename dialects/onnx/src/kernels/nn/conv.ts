import { Tensor, shapeSize } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrInt } from "../util/nn-attrs.js";
import { convKernelShape, convOperands } from "../util/nn-conv-operands.js";
import { resolveSpatial } from "../util/nn-pads.js";
import { windowMap } from "../util/nn-window.js";

/** Conv (1-D/2-D/3-D...): X [N,C,...], W [M,C/group,k...], optional bias B [M]. */
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
  const map = windowMap({ outer: g.outDims, kernel, strides: g.strides, dilations: g.dilations, padsBegin: g.padsBegin, padsEnd: g.padsEnd, target: inDims });
  const { P, K, offsets } = map;
  const inSize = shapeSize(inDims), Mg = M / group;
  const out = new Tensor(X.dtype, [N, M, ...g.outDims]);
  const y = out.data as Float32Array | Float64Array;
  const acc = new Float64Array(P);
  for (let n = 0; n < N; n++) {
    for (let m = 0; m < M; m++) {
      acc.fill(b ? b[m]! : 0);
      const c0 = Math.floor(m / Mg) * Cg;
      for (let c = 0; c < Cg; c++) {
        const xb = (n * C + c0 + c) * inSize, wb = (m * Cg + c) * K;
        for (let p = 0; p < P; p++) {
          let s = 0;
          const ob = p * K;
          for (let k = 0; k < K; k++) {
            const j = offsets[ob + k]!;
            if (j >= 0) s += x[xb + j]! * w[wb + k]!;
          }
          acc[p] += s;
        }
      }
      y.set(acc, (n * M + m) * P);
    }
  }
  return [out];
};
