// The onnx dialect: one op per ONNX operator (generated from the schema table) and onnx.Constant
// as the materializer of folded constants.
import type { Dialect } from "@zkmlir/core";
import { ONNX_OPS } from "./ops/op-table.js";
import { materializeOnnxConstant } from "./ops/constant.js";

export const OnnxDialect: Dialect = {
  name: "onnx",
  description: "ONNX operators of the default domain (latest opset), as onnx-mlir names them: onnx.<OpType>.",
  ops: [...ONNX_OPS.values()],
  materializeConstant: materializeOnnxConstant,
};
