// Every ONNX op the lowering covers, by ONNX op type.
import type { Lowering } from "./lowering.js";
import { ELEMENTWISE } from "./elementwise.js";
import { ACTIVATIONS } from "./activations.js";
import { MATMUL } from "./matmul.js";
import { CONSTANTS } from "./constants.js";
import { SHAPE_OPS } from "./shape-ops.js";
import { REDUCTIONS } from "./reduce.js";
import { SOFTMAX } from "./softmax.js";
import { NORMALIZATIONS } from "./normalization.js";
import { BATCH_NORM } from "./batch-norm.js";
import { CONV } from "./conv.js";
import { POOLS } from "./pool.js";
import { GATHERS } from "./gather.js";
import { RECURRENT } from "./recurrent.js";
import { INDEX_OPS } from "./index-ops.js";
import { EINSUM } from "./einsum.js";
import { RESIZE } from "./resize.js";
import { MORE_ELEMENTWISE } from "./more-elementwise.js";
import { EXTRA_OPS } from "./extra-ops.js";

export const LOWERINGS: Readonly<Record<string, Lowering>> = {
  ...ELEMENTWISE, ...ACTIVATIONS, ...MATMUL, ...CONSTANTS, ...SHAPE_OPS,
  ...REDUCTIONS, ...SOFTMAX, ...NORMALIZATIONS, ...BATCH_NORM, ...CONV, ...POOLS, ...GATHERS, ...RECURRENT, ...INDEX_OPS, ...EINSUM, ...RESIZE, ...MORE_ELEMENTWISE, ...EXTRA_OPS,
};
