// Registers convert-onnx-to-linalg and linalg-fuse-elementwise (default: the process-wide
// registry zkmlir-opt reads), and the `onnx-to-linalg` pipeline that runs both.
import { passRegistry, type PassRegistry } from "@zkmlir/core";
import { ConvertOnnxToLinalgPass } from "./pass.js";
import { FuseElementwisePass } from "./fuse/fuse-elementwise.js";

export function registerOnnxToLinalgPasses(registry: PassRegistry = passRegistry): void {
  if (registry.has("convert-onnx-to-linalg")) return;
  registry.register(() => new ConvertOnnxToLinalgPass());
  registry.register(() => new FuseElementwisePass());
  registry.registerPipeline("onnx-to-linalg", "convert-onnx-to-linalg, then linalg-fuse-elementwise", (pm) => {
    pm.addPass(new ConvertOnnxToLinalgPass());
    pm.addPass(new FuseElementwisePass());
  });
}
