import type { Kernel } from "./types.js";
/** Reductions, softmax, matmul/gemm/einsum, convolution, pooling, normalization, resize, recurrent. */
export const KERNELS_B: Record<string, Kernel> = {};
