import { Tensor, RankedTensorType, DYNAMIC, shapeSize, type OpImpl } from "@zkmlir/core";
import { concreteShape } from "./element-type.js";
import { reassociation } from "../ops/reshape.js";

/** A copy of `t` with a new shape of the same size (row-major order is kept). */
function reshaped(opName: string, t: Tensor, shape: readonly number[]): Tensor {
  if (shapeSize(shape) !== t.size) throw new Error(`${opName}: cannot reshape ${t.size} elements to [${shape.join(", ")}]`);
  return new Tensor(t.dtype, shape, t.data.slice());
}

export const expandShapeImpl: OpImpl = (op) => {
  const rt = op.result(0).type as RankedTensorType;
  return { run: ([src, ...dyn]) => [reshaped(op.name, src as Tensor, concreteShape(op.name, rt, dyn))] };
};

export const collapseShapeImpl: OpImpl = (op) => {
  const groups = reassociation(op.getAttr("reassociation"));
  return {
    run: ([src]) => {
      const s = (src as Tensor).shape;
      return [reshaped(op.name, src as Tensor, groups.map((g) => g.reduce((p, d) => p * s[d]!, 1)))];
    },
  };
};

export const reshapeImpl: OpImpl = (op) => ({
  run: ([src, shape]) => {
    const sh = Array.from((shape as Tensor).data as ArrayLike<number | bigint>, Number);
    const rt = op.result(0).type;
    if (rt instanceof RankedTensorType && rt.shape.some((d, i) => d !== DYNAMIC && d !== sh[i])) throw new Error(`${op.name}: shape [${sh.join(", ")}] does not match the result type '${rt.key}'`);
    return [reshaped(op.name, src as Tensor, sh)];
  },
});

export const castImpl: OpImpl = (op) => {
  const rt = op.result(0).type;
  return {
    run: ([src]) => {
      const t = src as Tensor;
      if (rt instanceof RankedTensorType && (rt.rank !== t.rank || rt.shape.some((d, i) => d !== DYNAMIC && d !== t.shape[i]))) {
        throw new Error(`${op.name}: a tensor of shape [${t.shape.join(", ")}] is not a '${rt.key}'`);
      }
      return [t];
    },
  };
};
