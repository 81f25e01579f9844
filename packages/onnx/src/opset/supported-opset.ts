// The newest default-domain opset zkmlir knows: the highest "since version" in ONNX v1.22's
// Operators.md (a test checks this against the file). Models are normalised to it.
export const MAX_OPSET = 27;
