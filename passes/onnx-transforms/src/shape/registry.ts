// Shape functions by ONNX op type: one table per op family, merged. Every op with a reference
// kernel has one (a test checks this).
import type { ShapeFn } from "./context.js";
import { CONV_POOL_SHAPES } from "./conv-pool.js";
import { DATA_MOVEMENT_SHAPES } from "./data-movement.js";
import { ELEMENTWISE_SHAPES } from "./elementwise.js";
import { GENERATOR_SHAPES } from "./generators.js";
import { INDEXING_SHAPES } from "./indexing.js";
import { MATMUL_SHAPES } from "./matmul.js";
import { NORMALIZATION_SHAPES } from "./normalization.js";
import { RECURRENT_SHAPES } from "./recurrent.js";
import { REDUCTION_SHAPES } from "./reduction.js";
import { RESHAPE_SHAPES } from "./reshape.js";
import { RESIZE_SHAPES } from "./resize.js";

export const SHAPE_FUNCTIONS: Readonly<Record<string, ShapeFn>> = {
  ...ELEMENTWISE_SHAPES,
  ...GENERATOR_SHAPES,
  ...RESHAPE_SHAPES,
  ...DATA_MOVEMENT_SHAPES,
  ...INDEXING_SHAPES,
  ...REDUCTION_SHAPES,
  ...MATMUL_SHAPES,
  ...CONV_POOL_SHAPES,
  ...NORMALIZATION_SHAPES,
  ...RESIZE_SHAPES,
  ...RECURRENT_SHAPES,
};
