export type { AttrType, AttrSchema, ValueSchema, TypeConstraintSchema, OpSchema } from "./types.js";
export { ONNX_OP_SCHEMAS } from "./ops.generated.js";
export { getOpSchema, opVersionAt, LATEST_ONNX_OPSET } from "./lookup.js";
