// @zkmlir/onnx-to-linalg: the ONNX-to-linalg lowering, elementwise fusion, and running a module
// at a chosen level for differential checks.
export { ConvertOnnxToLinalgPass, convertOnnxToLinalg, checkLegality, SUPPORTED_ONNX_OPS, LEGAL_DIALECTS } from "./pass.js";
export { OnnxLoweringError } from "./errors.js";
export { foldConstantOnnxOps } from "./fold-constants.js";
export { elementwise, broadcastMap, type ScalarFn } from "./build/elementwise.js";
export { runAtLevel, lowerToLevel, LEVELS, LevelError, ONNX_LEVEL_IMPLS, LINALG_LEVEL_IMPLS, LINALG_CONTEXT, ONNX_CONTEXT, LOWERING_CONTEXT, type Level } from "./levels.js";
export { diffLevels, compareOutputs, DIFF_TOLERANCE, type DiffResult, type DiffTolerance } from "./differential.js";
export { FuseElementwisePass, fuseElementwise } from "./fuse/fuse-elementwise.js";
export { registerOnnxToLinalgPasses } from "./register.js";
