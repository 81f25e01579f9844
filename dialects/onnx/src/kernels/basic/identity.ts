import { Tensor } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrFloat, attrInt } from "../util/basic-attrs.js";
import { input, scalarOf } from "../util/basic-tensor.js";

function identity(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const x = input(inputs, 0, "Identity", "input");
  return [new Tensor(x.dtype, x.shape, x.data.slice())];
}

/**
 * Dropout at inference: output = data, mask = all true. Training mode with a nonzero ratio draws
 * random numbers, which a deterministic reference cannot reproduce: that case is unsupported.
 */
function dropout(inputs: readonly (Tensor | undefined)[], attrs: Attrs, nOutputs: number): Tensor[] {
  const x = input(inputs, 0, "Dropout", "data");
  const ratio = inputs[1] ? scalarOf(inputs[1], "Dropout", "ratio") : attrFloat(attrs, "Dropout", "ratio", 0.5);
  const training = inputs[2] ? scalarOf(inputs[2], "Dropout", "training_mode") !== 0 : false;
  // Opset < 7 marked inference with is_test=1; is_test=0 meant training.
  const isTest = attrInt(attrs, "Dropout", "is_test");
  if ((training || isTest === 0) && ratio !== 0) {
    throw new KernelError("unsupported: Dropout in training mode with a nonzero ratio draws a random mask");
  }
  const outs = [new Tensor(x.dtype, x.shape, x.data.slice())];
  if (nOutputs > 1) outs.push(new Tensor("i1", x.shape, new Uint8Array(x.size).fill(1)));
  return outs;
}

export const IDENTITY_KERNELS: Record<string, Kernel> = { Identity: identity, Dropout: dropout };
