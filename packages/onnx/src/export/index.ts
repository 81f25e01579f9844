// The ONNX exporter's public surface (re-exported by the package index).
export { exportModel, exportModelProto, type ExportOptions } from "./export-model.js";
export { OnnxExportError } from "./export-error.js";
