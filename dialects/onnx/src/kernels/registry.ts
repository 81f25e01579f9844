import type { Kernel } from "./types.js";
import { KERNELS_A } from "./group-a.js";
import { KERNELS_B } from "./group-b.js";

/** Reference kernels by ONNX op type (default domain). */
export const ONNX_KERNELS: Readonly<Record<string, Kernel>> = { ...KERNELS_A, ...KERNELS_B };
