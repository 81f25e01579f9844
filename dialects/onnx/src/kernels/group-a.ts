import type { Kernel } from "./types.js";
import { ACTIVATION_KERNELS } from "./basic/activations.js";
import { ARITHMETIC_KERNELS } from "./basic/arithmetic.js";
import { BITWISE_KERNELS } from "./basic/bitwise.js";
import { CAST_KERNELS } from "./basic/cast.js";
import { CLIP_KERNELS } from "./basic/clip.js";
import { COMPRESS_KERNELS } from "./basic/compress.js";
import { CONCAT_KERNELS } from "./basic/concat.js";
import { CONSTANT_KERNELS } from "./basic/constant.js";
import { EXPAND_KERNELS } from "./basic/expand.js";
import { EYE_LIKE_KERNELS } from "./basic/eye-like.js";
import { GATHER_KERNELS } from "./basic/gather.js";
import { IDENTITY_KERNELS } from "./basic/identity.js";
import { LOGIC_KERNELS } from "./basic/logic.js";
import { NONZERO_KERNELS } from "./basic/nonzero.js";
import { ONE_HOT_KERNELS } from "./basic/one-hot.js";
import { PAD_KERNELS } from "./basic/pad.js";
import { RANGE_KERNELS } from "./basic/range.js";
import { RESHAPE_KERNELS } from "./basic/reshape.js";
import { REVERSE_SEQUENCE_KERNELS } from "./basic/reverse-sequence.js";
import { SCATTER_KERNELS } from "./basic/scatter.js";
import { SHAPE_KERNELS } from "./basic/shape.js";
import { SLICE_KERNELS } from "./basic/slice.js";
import { SPLIT_KERNELS } from "./basic/split.js";
import { TILE_KERNELS } from "./basic/tile.js";
import { TOPK_KERNELS } from "./basic/topk.js";
import { TRANSPOSE_KERNELS } from "./basic/transpose.js";
import { TRILU_KERNELS } from "./basic/trilu.js";
import { UNARY_MATH_KERNELS } from "./basic/unary-math.js";
import { VARIADIC_KERNELS } from "./basic/variadic.js";
import { WHERE_KERNELS } from "./basic/where.js";

/** Elementwise, logical, cast and shape/index operators. */
export const KERNELS_A: Record<string, Kernel> = {
  // elementwise
  ...UNARY_MATH_KERNELS,
  ...ACTIVATION_KERNELS,
  ...ARITHMETIC_KERNELS,
  ...BITWISE_KERNELS,
  ...LOGIC_KERNELS,
  ...VARIADIC_KERNELS,
  ...CLIP_KERNELS,
  ...WHERE_KERNELS,
  ...CAST_KERNELS,
  ...IDENTITY_KERNELS,
  // constants and shapes
  ...CONSTANT_KERNELS,
  ...RANGE_KERNELS,
  ...EYE_LIKE_KERNELS,
  ...SHAPE_KERNELS,
  ...RESHAPE_KERNELS,
  // data movement and indexing
  ...CONCAT_KERNELS,
  ...SPLIT_KERNELS,
  ...SLICE_KERNELS,
  ...PAD_KERNELS,
  ...EXPAND_KERNELS,
  ...TILE_KERNELS,
  ...TRANSPOSE_KERNELS,
  ...GATHER_KERNELS,
  ...SCATTER_KERNELS,
  ...COMPRESS_KERNELS,
  ...REVERSE_SEQUENCE_KERNELS,
  ...TRILU_KERNELS,
  ...ONE_HOT_KERNELS,
  ...NONZERO_KERNELS,
  ...TOPK_KERNELS,
};
