// Every operator of ONNX's default domain declared as `onnx.<OpType>` (onnx-mlir's names).
import type { OpDef } from "@zkmlir/core";
import { ONNX_OP_SCHEMAS } from "../schema/ops.generated.js";
import { declareOnnxOp } from "./declare-op.js";

/** Declared ops by ONNX op type ("Conv" -> the `onnx.Conv` OpDef). */
export const ONNX_OPS: ReadonlyMap<string, OpDef> = new Map(
  ONNX_OP_SCHEMAS.filter((s) => s.domain === "ai.onnx").map((s) => [s.name, declareOnnxOp(s)]),
);

/** The declaration of `onnx.<opType>`, or undefined for an operator ONNX does not define. */
export function onnxOpDef(opType: string): OpDef | undefined {
  return ONNX_OPS.get(opType);
}
