// Every ONNX op the lowering covers, by ONNX op type.
import type { Lowering } from "./lowering.js";
import { ELEMENTWISE } from "./elementwise.js";
import { ACTIVATIONS } from "./activations.js";
import { MATMUL } from "./matmul.js";
import { CONSTANTS } from "./constants.js";

export const LOWERINGS: Readonly<Record<string, Lowering>> = {
  ...ELEMENTWISE, ...ACTIVATIONS, ...MATMUL, ...CONSTANTS,
};
