import { Tensor, shapeSize } from "@zkmlir/core";
import { KernelError, type Attrs, type Kernel } from "../types.js";
import { attrInt, attrNumbers, attrString } from "../util/nn-attrs.js";
import { convKernelShape, convOperands } from "../util/nn-conv-operands.js";
import { spatialAttr } from "../util/nn-pads.js";
import { windowMap } from "../util/nn-window.js";

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

/** ConvTranspose: X [N,C,...], W [C, M/group, k...], optional bias [M]; scatter-accumulate. */
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
  // Each input point scatters into output positions i*stride - padBegin + k*dilation.
  const { P, K, offsets } = windowMap({ outer: inDims, kernel, strides: g.strides, dilations: g.dilations, padsBegin: g.padsBegin, padsEnd: g.padsEnd, target: g.outDims });
  const outSize = shapeSize(g.outDims), Cg = C / group;
  const out = new Tensor(X.dtype, [N, M, ...g.outDims]);
  const y = out.data as Float32Array | Float64Array;
  const acc = new Float64Array(outSize);
  for (let n = 0; n < N; n++) {
    for (let m = 0; m < M; m++) {
      acc.fill(b ? b[m]! : 0);
      const gi = Math.floor(m / Mg), ml = m % Mg;
      for (let c = gi * Cg; c < (gi + 1) * Cg; c++) {
        const xb = (n * C + c) * P, wb = (c * Mg + ml) * K;
        for (let p = 0; p < P; p++) {
          const xv = x[xb + p]!;
          const ob = p * K;
          for (let k = 0; k < K; k++) {
            const j = offsets[ob + k]!;
            if (j >= 0) acc[j] += xv * w[wb + k]!;
          }
        }
      }
      y.set(acc, (n * M + m) * outSize);
    }
  }
  return [out];
};
