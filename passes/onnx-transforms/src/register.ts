// Registers the onnx passes into a pass registry (the process-wide one by default) so
// zkmlir-opt and pipeline strings reach them by name. Idempotent per registry.
import { passRegistry, type Context, type PassRegistry } from "@zkmlir/core";
import { OnnxCanonicalizePass } from "./canonicalize-pass.js";
import { OnnxShapeInferencePass } from "./shape-inference-pass.js";
import { OnnxSimplifyPass } from "./simplify-pass.js";

export function registerOnnxTransformPasses(registry: PassRegistry = passRegistry, context?: Context): void {
  const factories = [() => new OnnxShapeInferencePass(), () => new OnnxCanonicalizePass(context), () => new OnnxSimplifyPass(context)];
  for (const f of factories) if (!registry.has(f().argument)) registry.register(f);
}
