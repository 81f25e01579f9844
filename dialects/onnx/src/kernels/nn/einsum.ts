import { Tensor, shapeStrides } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrString } from "../util/nn-attrs.js";
import { checkDType, NUMERIC, sameDType, wrapInt, type NumberData } from "../util/nn-dtype.js";
import { gridOffsets } from "../util/grid-offsets.js";
import { parseEinsum } from "./einsum-parse.js";

/**
 * Einsum, general form: each operand gets a stride per label (repeated labels add strides, which
 * walks diagonals; broadcast ellipsis dims get stride 0); then output labels form the outer grid
 * and the remaining labels the summed grid. Size-1 dims broadcast against their label (numpy).
 */
export const einsum: Kernel = (inputs, attrs) => {
  const op = "Einsum";
  const equation = attrString(op, attrs, "equation", "");
  if (equation === "") throw new KernelError(`${op}: missing required attribute equation`);
  if (inputs.length === 0) throw new KernelError(`${op}: needs at least one input`);
  const xs = inputs.map((t, i) => {
    if (!t) throw new KernelError(`${op}: input ${i} is missing`);
    return t;
  });
  checkDType(op, xs[0]!, "Inputs[0]", NUMERIC);
  xs.forEach((t, i) => sameDType(op, xs[0]!, t, `Inputs[0] and Inputs[${i}]`));
  const spec = parseEinsum(equation, xs.map((t) => t.rank));
  const size = new Array<number>(spec.nLabels).fill(-1);
  spec.terms.forEach((labels, i) => {
    labels.forEach((l, d) => {
      const n = xs[i]!.shape[d]!;
      if (size[l] === -1 || size[l] === 1) size[l] = n;
      else if (n !== size[l] && n !== 1) {
        throw new KernelError(`${op}: dimension ${d} of input ${i} is ${n}, but its label has size ${size[l]} elsewhere in "${equation}"`);
      }
    });
  });
  for (let l = 0; l < size.length; l++) if (size[l] === -1) size[l] = 1;
  const summed = [...size.keys()].filter((l) => !spec.output.includes(l));
  const labelStrides = spec.terms.map((labels, i) => {
    const st = new Array<number>(spec.nLabels).fill(0);
    const xs_ = shapeStrides(xs[i]!.shape);
    labels.forEach((l, d) => { if (xs[i]!.shape[d] !== 1 || size[l] === 1) st[l]! += xs_[d]!; });
    return st;
  });
  const outDims = spec.output.map((l) => size[l]!), sumDims = summed.map((l) => size[l]!);
  const outOff = labelStrides.map((st) => gridOffsets(outDims, spec.output.map((l) => st[l]!)));
  const sumOff = labelStrides.map((st) => gridOffsets(sumDims, summed.map((l) => st[l]!)));
  const out = new Tensor(xs[0]!.dtype, outDims);
  const nOut = out.size, nSum = sumOff[0]!.length, nOps = xs.length;
  const dtype = out.dtype;
  if (dtype === "i64") {
    const srcs = xs.map((t) => t.data as BigInt64Array), dst = out.data as BigInt64Array;
    for (let o = 0; o < nOut; o++) {
      let acc = 0n;
      for (let r = 0; r < nSum; r++) {
        let p = 1n;
        for (let k = 0; k < nOps; k++) p = BigInt.asIntN(64, p * srcs[k]![outOff[k]![o]! + sumOff[k]![r]!]!);
        acc = BigInt.asIntN(64, acc + p);
      }
      dst[o] = acc;
    }
    return [out];
  }
  const isFloat = dtype === "f32" || dtype === "f64";
  const srcs = xs.map((t) => t.data as NumberData), dst = out.data as NumberData;
  for (let o = 0; o < nOut; o++) {
    let acc = 0;
    for (let r = 0; r < nSum; r++) {
      let p = 1;
      if (isFloat) for (let k = 0; k < nOps; k++) p *= srcs[k]![outOff[k]![o]! + sumOff[k]![r]!]!;
      else for (let k = 0; k < nOps; k++) p = Math.imul(p, srcs[k]![outOff[k]![o]! + sumOff[k]![r]!]!);
      acc = isFloat ? acc + p : wrapInt("i32", acc + p);
    }
    dst[o] = acc;
  }
  return [out];
};
