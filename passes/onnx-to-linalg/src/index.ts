// @zkmlir/onnx-to-linalg: the ONNX-to-linalg lowering, elementwise fusion, and running a module
// at a chosen level for differential checks.
export { ConvertOnnxToLinalgPass, convertOnnxToLinalg, checkLegality, SUPPORTED_ONNX_OPS, LEGAL_DIALECTS } from "./pass.js";
export { OnnxLoweringError } from "./errors.js";
export { foldConstantOnnxOps } from "./fold-constants.js";
export { elementwise, broadcastMap, type ScalarFn } from "./build/elementwise.js";
