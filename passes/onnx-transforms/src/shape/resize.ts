// Resize/Upsample (output = floor(scale * in), or the constant sizes input with the aspect-ratio
// policy), DepthToSpace and SpaceToDepth (blocksize moves between channels and space).
import { DYNAMIC } from "@zkmlir/core";
import type { ShapeContext, ShapeFn } from "./context.js";
import { isKnown, normAxis, unknownDims } from "./dims.js";

/** The input's constant floats, or undefined when absent/empty or not a constant. */
function floatsOf(c: ShapeContext, i: number): number[] | undefined | "dynamic" {
  if (!c.has(i)) return undefined;
  const t = c.constant(i);
  if (!t) return "dynamic";
  if (t.size === 0) return undefined;
  return Array.from({ length: t.size }, (_, k) => t.getNumber(k));
}

const resize: ShapeFn = (c) => {
  const x = c.required(0, "X");
  if (!x) return [undefined];
  const scales = floatsOf(c, 2), sizes = floatsOf(c, 3);
  if (scales === "dynamic" || sizes === "dynamic") return [unknownDims(x.length)];
  const axes = c.check(() => (c.intList("axes") ?? x.map((_, i) => i)).map((a) => normAxis(a, x.length, "axes")));
  const out = x.slice();
  if (scales && sizes) c.fail("only one of scales and sizes may be given");
  if (scales) {
    if (scales.length !== axes.length) c.fail(`scales has ${scales.length} values, expected ${axes.length}`);
    axes.forEach((a, i) => { out[a] = isKnown(x[a]!) ? Math.floor(scales[i]! * x[a]!) : DYNAMIC; });
  } else if (sizes) {
    if (sizes.length !== axes.length) c.fail(`sizes has ${sizes.length} values, expected ${axes.length}`);
    const policy = c.str("keep_aspect_ratio_policy", "stretch");
    if (policy === "stretch") axes.forEach((a, i) => { out[a] = sizes[i]!; });
    else {
      if (axes.some((a) => !isKnown(x[a]!))) return [x.map((d, i) => (axes.includes(i) ? DYNAMIC : d))];
      const ratios = axes.map((a, i) => sizes[i]! / x[a]!);
      const s = policy === "not_larger" ? Math.min(...ratios) : policy === "not_smaller" ? Math.max(...ratios) : c.fail(`unknown keep_aspect_ratio_policy "${policy}"`);
      for (const a of axes) out[a] = Math.floor(s * x[a]! + 0.5);
    }
  } else c.fail("one of scales and sizes is required");
  return [out];
};

const upsample: ShapeFn = (c) => {
  const x = c.required(0, "X");
  if (!x) return [undefined];
  const scales = floatsOf(c, 1);
  if (!scales || scales === "dynamic") return [unknownDims(x.length)];
  if (scales.length !== x.length) c.fail(`scales has ${scales.length} values for rank ${x.length}`);
  return [x.map((d, i) => (isKnown(d) ? Math.floor(d * scales[i]!) : DYNAMIC))];
};

const mul = (d: number, k: number): number => (isKnown(d) ? d * k : DYNAMIC);
const div = (c: ShapeContext, d: number, k: number, what: string): number => {
  if (!isKnown(d)) return DYNAMIC;
  if (d % k !== 0) c.fail(`${what} ${d} is not divisible by ${k}`);
  return d / k;
};

const depthToSpace: ShapeFn = (c) => {
  const x = c.required(0, "input");
  if (!x) return [undefined];
  if (x.length !== 4) c.fail("input must be 4-D");
  const b = c.int("blocksize", 0);
  return [[x[0]!, div(c, x[1]!, b * b, "channels"), mul(x[2]!, b), mul(x[3]!, b)]];
};

const spaceToDepth: ShapeFn = (c) => {
  const x = c.required(0, "input");
  if (!x) return [undefined];
  if (x.length !== 4) c.fail("input must be 4-D");
  const b = c.int("blocksize", 0);
  return [[x[0]!, mul(x[1]!, b * b), div(c, x[2]!, b, "height"), div(c, x[3]!, b, "width")]];
};

export const RESIZE_SHAPES: Record<string, ShapeFn> = { Resize: resize, Upsample: upsample, DepthToSpace: depthToSpace, SpaceToDepth: spaceToDepth };
