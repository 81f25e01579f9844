import type { Kernel } from "./types.js";
/** Elementwise, logical, cast and shape/index operators. */
export const KERNELS_A: Record<string, Kernel> = {};
