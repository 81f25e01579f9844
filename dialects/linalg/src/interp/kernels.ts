// Direct kernels for named ops (plain loops over typed arrays), used when the element types make
// the op's implicit body a plain float computation; otherwise the generic interpreter runs.
import type { Operation, OpImpl } from "@zkmlir/core";

export type Kernel = (op: Operation) => ReturnType<OpImpl> | undefined;

export const fastKernels: Record<string, Kernel> = {};
