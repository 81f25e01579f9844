// Reference-domain semantics of tensor ops: tensors are core `Tensor`s (typed arrays, row-major),
// index values are bigints (as arith's impls take them).
import { ImplTable, type OpImpl } from "@zkmlir/core";
import { emptyImpl } from "./interp/empty.js";

const entries: Record<string, OpImpl> = {
  "tensor.empty": emptyImpl,
};

export const tensorImpls = new ImplTable("reference", entries);
