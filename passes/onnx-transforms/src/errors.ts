// Errors of the ONNX-level passes. Each names the op (and its location) that failed and why.
import { ZkmlirError } from "@zkmlir/core";

/** An op whose operands contradict its ONNX shape rules, or a refined type that conflicts. */
export class ShapeInferenceError extends ZkmlirError {
  override name = "ShapeInferenceError";
}
