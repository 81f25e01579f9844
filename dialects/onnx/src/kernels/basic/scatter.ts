import { Tensor, shapeSize } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt, attrString } from "../util/basic-attrs.js";
import { checkDtype, copyRange, fmtShape, input, normAxis, numData, sameDtype, sameShape } from "../util/basic-tensor.js";
import { elementIndexMap, readIndices } from "./gather.js";

type Reduction = "none" | "add" | "mul" | "max" | "min";

function reduction(attrs: Attrs, op: string): Reduction {
  const r = attrString(attrs, op, "reduction", "none");
  if (r !== "none" && r !== "add" && r !== "mul" && r !== "max" && r !== "min") throw new KernelError(`${op}: attribute 'reduction' must be none, add, mul, max or min, got '${r}'`);
  return r;
}

/**
 * out[map[k]] = combine(out[map[k]], updates[k]) in index order (later wins for "none").
 * Integer results wrap on the store; i32 products use Math.imul to stay exact.
 */
function scatterInto(out: Tensor, updates: Tensor, map: Int32Array, red: Reduction, op: string): void {
  if (red !== "none" && out.dtype === "i1") throw new KernelError(`unsupported ${op} reduction '${red}' on bool data`);
  if (out.data instanceof BigInt64Array) {
    const d = out.data, u = updates.data as BigInt64Array;
    for (let k = 0; k < map.length; k++) {
      const j = map[k]!, v = u[k]!, c = d[j]!;
      d[j] = red === "none" ? v : red === "add" ? c + v : red === "mul" ? c * v : red === "max" ? (v > c ? v : c) : v < c ? v : c;
    }
    return;
  }
  const d = numData(out), u = numData(updates);
  const mul = out.dtype === "f32" || out.dtype === "f64" ? (a: number, b: number) => a * b : Math.imul;
  for (let k = 0; k < map.length; k++) {
    const j = map[k]!, v = u[k]!, c = d[j]!;
    d[j] = red === "none" ? v : red === "add" ? c + v : red === "mul" ? mul(c, v) : red === "max" ? Math.max(c, v) : Math.min(c, v);
  }
}

function scatterElements(op: string): Kernel {
  return (inputs, attrs) => {
    const x = input(inputs, 0, op, "data");
    const ind = input(inputs, 1, op, "indices");
    const upd = input(inputs, 2, op, "updates");
    sameDtype(x, upd, op);
    if (!sameShape(ind.shape, upd.shape) || ind.rank !== x.rank || x.rank === 0) {
      throw new KernelError(`${op}: indices ${fmtShape(ind.shape)}, updates ${fmtShape(upd.shape)} and data ${fmtShape(x.shape)} disagree`);
    }
    const axis = normAxis(attrInt(attrs, op, "axis", 0), x.rank, op);
    for (let d = 0; d < x.rank; d++) {
      if (d !== axis && ind.shape[d]! > x.shape[d]!) throw new KernelError(`${op}: indices ${fmtShape(ind.shape)} exceed data ${fmtShape(x.shape)} on axis ${d}`);
    }
    const idx = readIndices(ind, x.shape[axis]!, op);
    const out = new Tensor(x.dtype, x.shape, x.data.slice());
    scatterInto(out, upd, elementIndexMap(x.shape, ind.shape, axis, idx), reduction(attrs, op), op);
    return [out];
  };
}

/** ScatterND: each index tuple addresses a slice of data that receives the matching updates slice. */
function scatterND(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "ScatterND", "data");
  const ind = input(inputs, 1, "ScatterND", "indices");
  const upd = input(inputs, 2, "ScatterND", "updates");
  checkDtype(ind, ["i64"], "ScatterND", "indices");
  sameDtype(x, upd, "ScatterND");
  const q = ind.rank, m = ind.shape[q - 1] ?? 0;
  const expect = [...ind.shape.slice(0, q - 1), ...x.shape.slice(m)];
  if (q < 1 || m > x.rank || !sameShape(upd.shape, expect)) {
    throw new KernelError(`ScatterND: updates ${fmtShape(upd.shape)} must be ${fmtShape(expect)} for data ${fmtShape(x.shape)}, indices ${fmtShape(ind.shape)}`);
  }
  const sliceLen = shapeSize(x.shape.slice(m));
  const tuples = shapeSize(ind.shape.slice(0, q - 1));
  const strides = x.strides;
  const map = new Int32Array(tuples * sliceLen);
  for (let t = 0; t < tuples; t++) {
    let off = 0;
    for (let j = 0; j < m; j++) {
      const dim = x.shape[j]!;
      let v = ind.getNumber(t * m + j);
      if (v < -dim || v >= dim) throw new KernelError(`ScatterND: index ${v} out of range for axis ${j} of size ${dim}`);
      if (v < 0) v += dim;
      off += v * strides[j]!;
    }
    for (let e = 0; e < sliceLen; e++) map[t * sliceLen + e] = off + e;
  }
  const out = new Tensor(x.dtype, x.shape);
  copyRange(out.data, 0, x.data, 0, x.size);
  scatterInto(out, upd, map, reduction(attrs, "ScatterND"), "ScatterND");
  return [out];
}

export const SCATTER_KERNELS: Record<string, Kernel> = {
  ScatterElements: scatterElements("ScatterElements"),
  // Scatter (deprecated since opset 11) is ScatterElements without reductions.
  Scatter: scatterElements("Scatter"),
  ScatterND: scatterND,
};
