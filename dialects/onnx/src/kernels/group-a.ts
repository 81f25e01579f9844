import type { Kernel } from "./types.js";
import { ACTIVATION_KERNELS } from "./basic/activations.js";
import { ARITHMETIC_KERNELS } from "./basic/arithmetic.js";
import { CAST_KERNELS } from "./basic/cast.js";
import { CLIP_KERNELS } from "./basic/clip.js";
import { IDENTITY_KERNELS } from "./basic/identity.js";
import { LOGIC_KERNELS } from "./basic/logic.js";
import { UNARY_MATH_KERNELS } from "./basic/unary-math.js";
import { VARIADIC_KERNELS } from "./basic/variadic.js";
import { WHERE_KERNELS } from "./basic/where.js";

/** Elementwise, logical, cast and shape/index operators. */
export const KERNELS_A: Record<string, Kernel> = {
  ...UNARY_MATH_KERNELS,
  ...ACTIVATION_KERNELS,
  ...ARITHMETIC_KERNELS,
  ...LOGIC_KERNELS,
  ...VARIADIC_KERNELS,
  ...CLIP_KERNELS,
  ...WHERE_KERNELS,
  ...CAST_KERNELS,
  ...IDENTITY_KERNELS,
};
