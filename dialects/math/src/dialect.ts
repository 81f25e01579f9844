import type { Dialect } from "@zkmlir/core";
import { FloatUnaryOps, FloatBinaryOps, FmaOp, FPowIOp } from "./ops/float-ops.js";
import { AbsIOp, IPowIOp } from "./ops/int-ops.js";

export const MathDialect: Dialect = {
  name: "math",
  description: "Elementary functions on floats and integers (upstream MLIR's math dialect), elementwise on tensors.",
  ops: [...FloatUnaryOps, ...FloatBinaryOps, FmaOp, FPowIOp, AbsIOp, IPowIOp],
};
