// The exporter's error: an op or type the ONNX format (or this exporter) cannot express.
import { OnnxError } from "../errors.js";

export class OnnxExportError extends OnnxError {}
