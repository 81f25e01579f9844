export const VERSION = "0.1.0";
export * from "./interp/tensor.js";
