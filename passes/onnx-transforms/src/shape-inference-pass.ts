// `onnx-shape-inference`: static shapes for every onnx value once the function's argument types
// are static. Data-dependent results whose inputs are not constants stay dynamic; they are counted
// here (num-dynamic-values) and reported by the stage that needs them static.
import { Pass, type Operation } from "@zkmlir/core";
import { inferShapes } from "./shape/infer.js";

export class OnnxShapeInferencePass extends Pass {
  readonly argument = "onnx-shape-inference";
  readonly description = "Infer static shapes of onnx op results from their operands (ONNX shape rules)";

  run(op: Operation): void {
    const r = inferShapes(op);
    this.stat("num-refined-values", r.refined);
    this.stat("num-dynamic-values", r.dynamic.length);
  }
}
