import type { Dialect } from "@zkmlir/core";
import { ForOp } from "./ops/for.js";
import { IfOp } from "./ops/if.js";
import { YieldOp } from "./ops/yield.js";

export const ScfDialect: Dialect = {
  name: "scf",
  description: "Structured control flow (upstream MLIR's scf): counted loops with loop-carried values and if-then-else.",
  ops: [ForOp, IfOp, YieldOp],
};
