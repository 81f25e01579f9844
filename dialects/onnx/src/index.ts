export * from "./kernels/types.js";
export { ONNX_KERNELS } from "./kernels/registry.js";
export { broadcastShapes, broadcastIndexMap } from "./kernels/util/broadcast.js";
