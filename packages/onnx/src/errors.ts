// Typed errors of the ONNX front end. Each message names what failed and where (file, node, op)
// so a user can act on it; callers (e.g. the conformance runner) classify by class, not by text.

/** Base class of every error this package throws on bad or unsupported input; `name` is the subclass's name. */
export class OnnxError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The bytes are not a well-formed ONNX protobuf (truncated, random, another message type). */
export class OnnxDecodeError extends OnnxError {}

/** The model is well-formed protobuf but not a valid graph (undefined input, cycle, duplicate name). */
export class OnnxGraphError extends OnnxError {}

/** A tensor element type zkmlir does not support (float16, strings, sequences, ...). */
export class UnsupportedDataTypeError extends OnnxError {}

/** An operator (or an operator feature such as a subgraph) that is not supported. */
export class UnsupportedOpError extends OnnxError {}

/** An opset version outside the supported range. */
export class UnsupportedOpsetError extends OnnxError {}

/** Bad user-provided inputs: missing, unknown name, wrong dtype or shape, malformed input file. */
export class OnnxInputError extends OnnxError {}

/** A node failed while executing; `cause` holds the kernel's error. */
export class OnnxExecError extends OnnxError {}
