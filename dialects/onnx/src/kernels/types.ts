import type { Tensor } from "@zkmlir/core";

/** An ONNX attribute as a plain value (INT/INTS as numbers; TENSOR as a Tensor). */
export type AttrValue = number | string | number[] | string[] | Tensor;
export type Attrs = Readonly<Record<string, AttrValue | undefined>>;

/**
 * Reference semantics of one ONNX operator (latest opset, Operators.md of v1.22) on typed arrays.
 * `inputs[i]` is undefined for an omitted optional input. `nOutputs` is how many outputs the node
 * declares. Kernels apply ONNX attribute defaults themselves and throw KernelError on bad input.
 */
export type Kernel = (inputs: readonly (Tensor | undefined)[], attrs: Attrs, nOutputs: number) => Tensor[];

/** A clear, user-facing error from a kernel (wrong shape, bad attribute, unsupported case). */
export class KernelError extends Error {
  override name = "KernelError";
}
