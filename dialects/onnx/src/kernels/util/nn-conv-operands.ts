// Operand checks shared by Conv and ConvTranspose: float X and W of equal rank >= 3, an optional
// bias of X's dtype, and W's spatial shape agreeing with the kernel_shape attribute.
import type { Tensor } from "@zkmlir/core";
import { KernelError, type Attrs } from "../types.js";
import { attrNumbers, requireInput } from "./nn-attrs.js";
import { floatData, sameDType, type FloatData } from "./nn-dtype.js";

export interface ConvOperands {
  readonly X: Tensor;
  readonly W: Tensor;
  readonly x: FloatData;
  readonly w: FloatData;
  readonly b: FloatData | undefined;
}

/** X, W and the optional bias B (inputs 0..2), checked for dtype and rank. */
export function convOperands(op: string, inputs: readonly (Tensor | undefined)[]): ConvOperands {
  const X = requireInput(op, inputs, 0, "X"), W = requireInput(op, inputs, 1, "W"), B = inputs[2];
  const x = floatData(op, X, "X");
  sameDType(op, X, W, "X and W");
  const w = W.data as FloatData;
  const b = B ? (sameDType(op, X, B, "X and B"), B.data as FloatData) : undefined;
  if (X.rank < 3 || W.rank !== X.rank) throw new KernelError(`${op}: X [${X.shape}] and W [${W.shape}] must both have rank >= 3 and equal ranks`);
  return { X, W, x, w, b };
}

/** W's spatial shape; a kernel_shape attribute, when given, must equal it. */
export function convKernelShape(op: string, attrs: Attrs, W: Tensor): number[] {
  const kernel = W.shape.slice(2);
  const ks = attrNumbers(op, attrs, "kernel_shape");
  if (ks && ks.join(",") !== kernel.join(",")) throw new KernelError(`${op}: kernel_shape [${ks}] differs from W's spatial shape [${kernel}]`);
  return kernel;
}
