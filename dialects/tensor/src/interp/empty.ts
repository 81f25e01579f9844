import { Tensor, RankedTensorType, type OpImpl } from "@zkmlir/core";
import { concreteShape, dtypeFor } from "./element-type.js";

/** Zero-filled tensor (upstream leaves the contents unspecified). */
export const emptyImpl: OpImpl = (op) => {
  const t = op.result(0).type as RankedTensorType;
  const dt = dtypeFor(op.name, t);
  return { run: (args) => [new Tensor(dt, concreteShape(op.name, t, args))] };
};
