// @zkmlir/onnx-transforms: ONNX-level passes (shape inference, canonicalization, onnx-simplify).
export { ShapeInferenceError } from "./errors.js";
export { inferShapes, inferOpShapes, type ShapeInferenceResult } from "./shape/infer.js";
export { SHAPE_FUNCTIONS } from "./shape/registry.js";
export { ShapeContext, type ShapeFn } from "./shape/context.js";
export { OnnxShapeInferencePass } from "./shape-inference-pass.js";
export { OnnxCanonicalizePass } from "./canonicalize-pass.js";
export { OnnxSimplifyPass, type SimplifyResult } from "./simplify-pass.js";
export { canonicalizeOnnx, onnxCanonicalizationPatterns, type OnnxCanonicalizeOptions, type OnnxCanonicalizeResult } from "./canonicalize/patterns.js";
export { MAX_FOLD_ELEMENTS } from "./canonicalize/constant-fold.js";
export type { CanonicalizeStats } from "./canonicalize/stats.js";
export { registerOnnxTransformPasses } from "./register.js";
