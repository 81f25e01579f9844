import type { Tensor } from "@zkmlir/core";
import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrFloat, attrInts, attrString } from "../util/basic-attrs.js";
import { intsFromInputOrAttr, normAxes } from "../util/basic-axes.js";
import { axisIndexMap, axisOffsets } from "../util/basic-index-map.js";
import { checkOutputSize, fmtShape, input, sameDtype, scalarOf, takeByMap } from "../util/basic-tensor.js";

type Mode = "constant" | "reflect" | "edge" | "wrap";

/**
 * Source coordinate in the (cropped) input of length n for padded coordinate c, which may lie
 * before 0 or past n-1; -1 means "the constant". Reflect mirrors without repeating the edge.
 */
function sourceCoord(c: number, n: number, mode: Mode): number {
  if (c >= 0 && c < n) return c;
  switch (mode) {
    case "constant": return -1;
    case "edge": return c < 0 ? 0 : n - 1;
    case "wrap": return ((c % n) + n) % n;
    case "reflect": {
      if (n === 1) return 0;
      const p = 2 * (n - 1);
      const m = ((c % p) + p) % p;
      return m < n ? m : p - m;
    }
  }
}

/** Pad: negative pads crop first, then positive pads are filled by the mode from what remains. */
function pad(inputs: readonly (Tensor | undefined)[], attrs: Attrs): Tensor[] {
  const x = input(inputs, 0, "Pad", "data");
  const mode = attrString(attrs, "Pad", "mode", "constant");
  if (mode !== "constant" && mode !== "reflect" && mode !== "edge" && mode !== "wrap") {
    throw new KernelError(`Pad: attribute 'mode' must be constant, reflect, edge or wrap, got '${mode}'`);
  }
  // Pad-1 called the attribute 'paddings'.
  const pads = intsFromInputOrAttr(inputs, 1, attrs, "Pad", "pads") ?? attrInts(attrs, "Pad", "paddings");
  if (!pads) throw new KernelError("Pad: missing input 'pads'");
  const axes = normAxes(intsFromInputOrAttr(inputs, 3, attrs, "Pad", "axes") ?? x.shape.map((_, i) => i), x.rank, "Pad");
  if (pads.length !== 2 * axes.length) throw new KernelError(`Pad: pads has ${pads.length} values, expected ${2 * axes.length}`);
  let value: number | bigint = attrFloat(attrs, "Pad", "value", 0);
  const cv = inputs[2];
  if (cv && cv.size > 0) {
    sameDtype(x, cv, "Pad");
    scalarOf(cv, "Pad", "constant_value");
    value = cv.data[0]!;
  }
  const fillValue = x.dtype !== "i64" ? Number(value) : typeof value === "bigint" ? value : BigInt(Math.trunc(value));
  const begin = x.shape.map(() => 0), end = x.shape.map(() => 0);
  axes.forEach((a, i) => { begin[a] = pads[i]!; end[a] = pads[i + axes.length]!; });
  const strides = x.strides;
  const shape = x.shape.map((n, d) => n + begin[d]! + end[d]!);
  if (shape.some((d) => d < 0)) throw new KernelError(`Pad: pads [${pads.join(",")}] crop ${fmtShape(x.shape)} below zero`);
  checkOutputSize(shape, "Pad");
  const offs = shape.map((len, d) => {
    const cropLo = Math.max(0, -begin[d]!);
    const kept = x.shape[d]! - cropLo - Math.max(0, -end[d]!);
    const lo = Math.max(0, begin[d]!);
    if (kept <= 0 && len > 0 && mode !== "constant") {
      throw new KernelError(`Pad: ${mode} padding of an empty axis ${d} of ${fmtShape(x.shape)}`);
    }
    return axisOffsets(len, strides[d]!, (o) => {
      const c = sourceCoord(o - lo, kept, mode);
      return c < 0 ? -1 : c + cropLo;
    });
  });
  return [takeByMap(x, shape, axisIndexMap(shape, offs), fillValue)];
}

export const PAD_KERNELS: Record<string, Kernel> = { Pad: pad };
