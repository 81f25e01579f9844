import type { Dialect } from "@zkmlir/core";
import { FuncOp } from "./ops/func.js";
import { ReturnOp } from "./ops/return.js";
import { CallOp } from "./ops/call.js";

export const FuncDialect: Dialect = {
  name: "func",
  description: "Functions, calls and returns.",
  ops: [FuncOp, ReturnOp, CallOp],
};
