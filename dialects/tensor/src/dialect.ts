import type { Dialect } from "@zkmlir/core";
import { EmptyOp } from "./ops/empty.js";

export const TensorDialect: Dialect = {
  name: "tensor",
  description: "Operations on tensor values: creation, slicing, reshaping, padding and element access (as upstream MLIR's tensor dialect).",
  ops: [EmptyOp],
};
