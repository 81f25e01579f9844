import { Tensor, RankedTensorType, DYNAMIC, type OpImpl } from "@zkmlir/core";
import { dtypeFor, forEachIndex, offsetOf } from "./element-type.js";
import { resolveMixed, staticValues } from "../ops/mixed.js";
import { ExtractSliceOp, InsertSliceOp } from "../ops/slice.js";

/** Offsets/sizes/strides at run time, and an index mapper from slice positions to the full tensor. */
function window(op: Parameters<OpImpl>[0], def: typeof ExtractSliceOp, args: unknown[]) {
  const get = (n: string) => resolveMixed(staticValues(op, `static_${n}`), def.operandGroup(op, n).map((v) => args[op.operandValues.indexOf(v)]));
  return { offs: get("offsets"), sizes: get("sizes"), strides: get("strides") };
}

/** Copies a strided window; the slice side is addressed densely in row-major order. */
function copyWindow(opName: string, full: Tensor, slice: Tensor, w: ReturnType<typeof window>, toSlice: boolean): void {
  const pos = new Array<number>(w.sizes.length);
  forEachIndex(w.sizes, (idx, lin) => {
    for (let k = 0; k < idx.length; k++) pos[k] = w.offs[k]! + idx[k]! * w.strides[k]!;
    const f = offsetOf(opName, full.shape, pos);
    if (toSlice) slice.data[lin] = full.data[f]!;
    else full.data[f] = slice.data[lin]!;
  });
}

export const extractSliceImpl: OpImpl = (op) => {
  const dt = dtypeFor(op.name, op.result(0).type);
  return {
    run: (args) => {
      const src = args[0] as Tensor;
      const w = window(op, ExtractSliceOp, args);
      const rt = op.result(0).type as RankedTensorType;
      const out = new Tensor(dt, w.sizes);
      copyWindow(op.name, src, out, w, true);
      return [out.reshape(reducedShape(op.name, w.sizes, rt))];
    },
  };
};

/** The runtime slice shape with the unit dims the result type omits dropped (matched greedily, as the verifier). */
function reducedShape(opName: string, sizes: readonly number[], rt: RankedTensorType): number[] {
  if (rt.rank === sizes.length) return sizes.slice();
  const out: number[] = [];
  for (const s of sizes) {
    if (out.length < rt.rank && (rt.shape[out.length] === s || rt.shape[out.length] === DYNAMIC)) out.push(s);
    else if (s !== 1) throw new Error(`${opName}: a slice of sizes [${sizes.join(", ")}] cannot be a '${rt.key}'`);
  }
  return out;
}

export const insertSliceImpl: OpImpl = (op) => ({
  run: (args) => {
    const [src, dest] = args as Tensor[];
    const out = new Tensor(dest!.dtype, dest!.shape, dest!.data.slice());
    const w = window(op, InsertSliceOp, args);
    copyWindow(op.name, out, src!.reshape(w.sizes), w, false);
    return [out];
  },
});
