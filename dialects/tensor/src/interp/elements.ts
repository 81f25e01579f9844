import { Tensor, RankedTensorType, IntegerAttr, type OpImpl } from "@zkmlir/core";
import { dtypeFor, forEachIndex, offsetOf, readElem, writeElem } from "./element-type.js";

const nums = (xs: unknown[]) => xs.map((x) => Number(x as bigint));

export const extractImpl: OpImpl = (op) => ({
  run: ([t, ...idx]) => [readElem(t as Tensor, offsetOf(op.name, (t as Tensor).shape, nums(idx)))],
});

export const insertImpl: OpImpl = (op) => ({
  run: ([v, d, ...idx]) => {
    const dest = d as Tensor;
    const out = new Tensor(dest.dtype, dest.shape, dest.data.slice());
    writeElem(out, offsetOf(op.name, dest.shape, nums(idx)), v);
    return [out];
  },
});

export const fromElementsImpl: OpImpl = (op) => {
  const rt = op.result(0).type as RankedTensorType;
  const dt = dtypeFor(op.name, rt);
  return {
    run: (els) => {
      const out = new Tensor(dt, rt.shape);
      els.forEach((v, i) => writeElem(out, i, v));
      return [out];
    },
  };
};

export const dimImpl: OpImpl = (op) => ({
  run: ([t, i]) => {
    const s = (t as Tensor).shape, k = Number(i as bigint);
    if (!(k >= 0 && k < s.length)) throw new Error(`${op.name}: dimension ${k} is out of range for rank ${s.length}`);
    return [BigInt(s[k]!)];
  },
});

export const concatImpl: OpImpl = (op) => {
  const d = Number((op.getAttr("dim") as IntegerAttr).value);
  const dt = dtypeFor(op.name, op.result(0).type);
  return {
    run: (ins) => {
      const ts = ins as Tensor[];
      const shape = ts[0]!.shape.slice();
      shape[d] = ts.reduce((s, t) => s + t.shape[d]!, 0);
      for (const t of ts) if (t.shape.some((x, k) => k !== d && x !== shape[k])) throw new Error(`${op.name}: input of shape [${t.shape.join(", ")}] does not match [${shape.join(", ")}] outside dimension ${d}`);
      const out = new Tensor(dt, shape);
      let base = 0;
      for (const t of ts) {
        const pos = new Array<number>(shape.length);
        forEachIndex(t.shape, (idx, lin) => {
          for (let k = 0; k < idx.length; k++) pos[k] = k === d ? idx[k]! + base : idx[k]!;
          out.data[offsetOf(op.name, shape, pos)] = t.data[lin]!;
        });
        base += t.shape[d]!;
      }
      return [out];
    },
  };
};
