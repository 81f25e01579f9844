import { Tensor, shapeSize } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { intsFromInputOrAttr, normAxes } from "../util/basic-axes.js";
import { fmtShape, input } from "../util/basic-tensor.js";

/** Same data viewed with a new shape (reshape-family outputs share the input buffer). */
function view(x: Tensor, shape: readonly number[]): Tensor {
  return new Tensor(x.dtype, shape, x.data);
}

/** Reshape target: 0 copies the input dim (unless allowzero), one -1 is inferred. */
export function reshapeTarget(inShape: readonly number[], spec: readonly number[], allowZero: boolean): number[] {
  const where = `Reshape ${fmtShape(inShape)} to ${fmtShape(spec)}`;
  if (allowZero && spec.includes(0) && spec.includes(-1)) throw new KernelError(`${where}: allowzero forbids 0 together with -1`);
  const out = spec.map((d, i) => {
    if (d === 0 && !allowZero) {
      if (i >= inShape.length) throw new KernelError(`${where}: 0 at position ${i} has no input dim to copy`);
      return inShape[i]!;
    }
    if (d < -1) throw new KernelError(`${where}: invalid dimension ${d}`);
    return d;
  });
  const inferAt = out.indexOf(-1);
  if (inferAt !== out.lastIndexOf(-1)) throw new KernelError(`${where}: more than one -1`);
  const total = shapeSize(inShape);
  if (inferAt >= 0) {
    const known = out.reduce((a, d, i) => (i === inferAt ? a : a * d), 1);
    if (known === 0 || total % known !== 0) throw new KernelError(`${where}: cannot infer the -1 dimension`);
    out[inferAt] = total / known;
  }
  if (shapeSize(out) !== total) throw new KernelError(`${where}: element counts differ`);
  return out;
}

function reshape(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Reshape", "data");
  const spec = intsFromInputOrAttr(inputs, 1, attrs, "Reshape", "shape");
  if (!spec) throw new KernelError("Reshape: missing input 'shape'");
  const allowZero = attrInt(attrs, "Reshape", "allowzero", 0) !== 0;
  return [view(x, reshapeTarget(x.shape, spec, allowZero))];
}

function flatten(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Flatten", "input");
  let axis = attrInt(attrs, "Flatten", "axis", 1);
  if (axis < -x.rank || axis > x.rank) throw new KernelError(`Flatten: axis ${axis} out of range for rank ${x.rank}`);
  if (axis < 0) axis += x.rank;
  return [view(x, [shapeSize(x.shape.slice(0, axis)), shapeSize(x.shape.slice(axis))])];
}

function squeeze(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Squeeze", "data");
  const given = intsFromInputOrAttr(inputs, 1, attrs, "Squeeze", "axes");
  const axes = given ? normAxes(given, x.rank, "Squeeze") : x.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  for (const a of axes) {
    if (x.shape[a] !== 1) throw new KernelError(`Squeeze: axis ${a} of shape ${fmtShape(x.shape)} is not 1`);
  }
  return [view(x, x.shape.filter((_, i) => !axes.includes(i)))];
}

function unsqueeze(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Unsqueeze", "data");
  const given = intsFromInputOrAttr(inputs, 1, attrs, "Unsqueeze", "axes");
  if (!given) throw new KernelError("Unsqueeze: missing input 'axes'");
  const rank = x.rank + given.length;
  const axes = normAxes(given, rank, "Unsqueeze");
  const shape: number[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) shape.push(axes.includes(i) ? 1 : x.shape[k++]!);
  return [view(x, shape)];
}

export const RESHAPE_KERNELS: Record<string, Kernel> = {
  Reshape: reshape, Flatten: flatten, Squeeze: squeeze, Unsqueeze: unsqueeze,
};
