import { Tensor, shapeSize, shapeStrides } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { checkDtype, copyRange, fmtShape, input, normAxis, takeByMap } from "../util/basic-tensor.js";

/** Index tensor values as numbers, each checked against [-dim, dim-1] and made non-negative. */
export function readIndices(t: Tensor, dim: number, op: string): Int32Array {
  checkDtype(t, ["i32", "i64"], op, "indices");
  const out = new Int32Array(t.size);
  for (let i = 0; i < t.size; i++) {
    const v = t.getNumber(i);
    if (v < -dim || v >= dim) throw new KernelError(`${op}: index ${v} out of range [${-dim}, ${dim - 1}]`);
    out[i] = v < 0 ? v + dim : v;
  }
  return out;
}

/** Gather: out[outer, idx..., inner] = data[outer, indices[idx...], inner]. */
function gather(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Gather", "data");
  const ind = input(inputs, 1, "Gather", "indices");
  if (x.rank === 0) throw new KernelError("Gather: data must have rank >= 1");
  const axis = normAxis(attrInt(attrs, "Gather", "axis", 0), x.rank, "Gather");
  const dim = x.shape[axis]!;
  const idx = readIndices(ind, dim, "Gather");
  const shape = [...x.shape.slice(0, axis), ...ind.shape, ...x.shape.slice(axis + 1)];
  const out = new Tensor(x.dtype, shape);
  const outer = shapeSize(x.shape.slice(0, axis)), inner = shapeSize(x.shape.slice(axis + 1));
  let dst = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < idx.length; k++) {
      copyRange(out.data, dst, x.data, (o * dim + idx[k]!) * inner, inner);
      dst += inner;
    }
  }
  return [out];
}

/** GatherElements: out[i] = data[i with axis coordinate replaced by indices[i]]. */
function gatherElements(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "GatherElements", "data");
  const ind = input(inputs, 1, "GatherElements", "indices");
  if (x.rank === 0 || ind.rank !== x.rank) throw new KernelError(`GatherElements: indices ${fmtShape(ind.shape)} and data ${fmtShape(x.shape)} need the same rank >= 1`);
  const axis = normAxis(attrInt(attrs, "GatherElements", "axis", 0), x.rank, "GatherElements");
  for (let d = 0; d < x.rank; d++) {
    if (d !== axis && ind.shape[d]! > x.shape[d]!) throw new KernelError(`GatherElements: indices ${fmtShape(ind.shape)} exceed data ${fmtShape(x.shape)} on axis ${d}`);
  }
  const idx = readIndices(ind, x.shape[axis]!, "GatherElements");
  return [takeByMap(x, ind.shape, elementIndexMap(x.shape, ind.shape, axis, idx))];
}

/** For each element of an index tensor of shape `indShape`, the flat data index it addresses on `axis`. */
export function elementIndexMap(dataShape: readonly number[], indShape: readonly number[], axis: number, idx: Int32Array): Int32Array {
  const rank = dataShape.length;
  const strides = shapeStrides(dataShape);
  const map = new Int32Array(idx.length);
  const coord = new Array<number>(rank).fill(0);
  for (let k = 0; k < idx.length; k++) {
    let off = 0;
    for (let d = 0; d < rank; d++) off += (d === axis ? idx[k]! : coord[d]!) * strides[d]!;
    map[k] = off;
    for (let d = rank - 1; d >= 0; d--) {
      if (++coord[d]! < indShape[d]!) break;
      coord[d] = 0;
    }
  }
  return map;
}

/** GatherND: each index tuple of the last indices axis selects a slice of data (after batch_dims). */
function gatherND(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "GatherND", "data");
  const ind = input(inputs, 1, "GatherND", "indices");
  checkDtype(ind, ["i64", "i32"], "GatherND", "indices");
  const b = attrInt(attrs, "GatherND", "batch_dims", 0);
  const q = ind.rank, r = x.rank;
  const m = ind.shape[q - 1] ?? 0;
  if (q < 1 || b < 0 || b >= Math.min(q, r) || m > r - b) {
    throw new KernelError(`GatherND: bad shapes data ${fmtShape(x.shape)}, indices ${fmtShape(ind.shape)}, batch_dims ${b}`);
  }
  for (let d = 0; d < b; d++) {
    if (x.shape[d] !== ind.shape[d]) throw new KernelError(`GatherND: batch dim ${d} differs (${x.shape[d]} vs ${ind.shape[d]})`);
  }
  const shape = [...ind.shape.slice(0, q - 1), ...x.shape.slice(b + m)];
  const out = new Tensor(x.dtype, shape);
  const batch = shapeSize(x.shape.slice(0, b));
  const tuplesPerBatch = shapeSize(ind.shape.slice(b, q - 1));
  const sliceLen = shapeSize(x.shape.slice(b + m));
  const batchLen = shapeSize(x.shape.slice(b));
  const strides = x.strides;
  let dst = 0;
  for (let bi = 0; bi < batch; bi++) {
    for (let t = 0; t < tuplesPerBatch; t++) {
      const base = (bi * tuplesPerBatch + t) * m;
      let off = bi * batchLen;
      for (let j = 0; j < m; j++) {
        const dim = x.shape[b + j]!;
        let v = ind.getNumber(base + j);
        if (v < -dim || v >= dim) throw new KernelError(`GatherND: index ${v} out of range for axis ${b + j} of size ${dim}`);
        if (v < 0) v += dim;
        off += v * strides[b + j]!;
      }
      copyRange(out.data, dst, x.data, off, sliceLen);
      dst += sliceLen;
    }
  }
  return [out];
}

export const GATHER_KERNELS: Record<string, Kernel> = { Gather: gather, GatherElements: gatherElements, GatherND: gatherND };
