import { Tensor, shapeSize } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { checkDtype, copyRange, input, toInts } from "../util/basic-tensor.js";

/** ReverseSequence: for each batch b, reverse the first sequence_lens[b] steps along the time axis. */
function reverseSequence(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "ReverseSequence", "input");
  const lensT = input(inputs, 1, "ReverseSequence", "sequence_lens");
  checkDtype(lensT, ["i64"], "ReverseSequence", "sequence_lens");
  const timeAxis = attrInt(attrs, "ReverseSequence", "time_axis", 0);
  const batchAxis = attrInt(attrs, "ReverseSequence", "batch_axis", 1);
  const valid = x.rank >= 2 && [timeAxis, batchAxis].every((a) => a === 0 || a === 1) && timeAxis !== batchAxis;
  if (!valid) throw new KernelError(`ReverseSequence: time_axis ${timeAxis} and batch_axis ${batchAxis} must be 0 and 1 in some order, rank >= 2`);
  const lens = toInts(lensT, "ReverseSequence", "sequence_lens");
  const batch = x.shape[batchAxis]!, time = x.shape[timeAxis]!;
  if (lens.length !== batch) throw new KernelError(`ReverseSequence: ${lens.length} sequence lengths for batch ${batch}`);
  for (const l of lens) if (l < 0 || l > time) throw new KernelError(`ReverseSequence: sequence length ${l} outside [0, ${time}]`);
  const inner = shapeSize(x.shape.slice(2));
  const at = (t: number, b: number): number => (timeAxis === 0 ? t * batch + b : b * time + t) * inner;
  const out = new Tensor(x.dtype, x.shape);
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < time; t++) {
      const src = t < lens[b]! ? lens[b]! - 1 - t : t;
      copyRange(out.data, at(t, b), x.data, at(src, b), inner);
    }
  }
  return [out];
}

export const REVERSE_SEQUENCE_KERNELS: Record<string, Kernel> = { ReverseSequence: reverseSequence };
