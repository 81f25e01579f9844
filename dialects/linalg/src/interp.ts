// Reference-domain semantics of linalg: floats are numbers, integers (i1 and index included)
// bigints inside bodies; tensors are core `Tensor`s. Every structured op runs through the generic
// loop-nest interpreter; named ops with a fast kernel use it when their element types allow.
import { ImplTable, type OpImpl } from "@zkmlir/core";
import { structuredImpl } from "./interp/structured-impl.js";
import { indexImpl } from "./interp/index-impl.js";
import { fastKernels } from "./interp/kernels.js";

const withKernel = (name: string): OpImpl => (op, c) => fastKernels[name]?.(op) ?? structuredImpl(op, c);

const STRUCTURED = [
  "linalg.generic", "linalg.fill", "linalg.matmul", "linalg.batch_matmul", "linalg.conv_2d_nchw_fchw",
  "linalg.pooling_nchw_max", "linalg.pooling_nchw_sum", "linalg.transpose", "linalg.broadcast", "linalg.reduce", "linalg.map",
];

const entries: Record<string, OpImpl> = {
  "linalg.yield": () => ({ control: (args) => ({ kind: "yield", values: args }) }),
  "linalg.index": indexImpl,
};
for (const n of STRUCTURED) entries[n] = withKernel(n);

export const linalgImpls = new ImplTable("reference", entries);
