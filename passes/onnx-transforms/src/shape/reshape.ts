// Reshape, Flatten, Squeeze, Unsqueeze: the output rank needs the shape/axes input to be a
// constant; Reshape's 0 (copy) and -1 (infer) entries resolve when the input dims are known.
import { DYNAMIC } from "@zkmlir/core";
import type { ShapeContext, ShapeFn } from "./context.js";
import { fmt, isKnown, normAxis, product, unknownDims} from "./dims.js";

/** Axes from the `axes` input (opset >= 13) or attribute. */
function axesOf(c: ShapeContext, input: number): number[] | undefined | "dynamic" {
  if (c.has(input)) return c.ints(input) ?? "dynamic";
  return c.intList("axes");
}

const reshape: ShapeFn = (c) => {
  const x = c.required(0, "data");
  const spec = c.ints(1);
  if (!spec) {
    const r = c.shape(1);
    return [r && isKnown(r[0]!) ? unknownDims(r[0]!) : undefined];
  }
  const allowZero = c.int("allowzero", 0) !== 0;
  const out = spec.map((d, i) => {
    if (d === 0 && !allowZero) {
      if (!x) return DYNAMIC;
      if (i >= x.length) c.fail(`shape ${fmt(spec)}: 0 at position ${i} has no input dim to copy`);
      return x[i]!;
    }
    if (d < -1) c.fail(`shape ${fmt(spec)}: invalid dimension ${d}`);
    return d;
  });
  const inferAt = spec.indexOf(-1);
  if (inferAt !== spec.lastIndexOf(-1)) c.fail(`shape ${fmt(spec)} has more than one -1`);
  const total = x ? product(x) : DYNAMIC;
  const known = product(out.filter((_, i) => i !== inferAt));
  if (inferAt >= 0) {
    if (isKnown(total) && isKnown(known)) {
      if (known === 0 || total % known !== 0) c.fail(`cannot reshape ${fmt(x)} to ${fmt(spec)}`);
      out[inferAt] = total / known;
    }
  } else if (isKnown(total) && isKnown(known) && known !== total) {
    c.fail(`cannot reshape ${fmt(x)} (${total} elements) to ${fmt(spec)}`);
  }
  return [out];
};

const flatten: ShapeFn = (c) => {
  const x = c.required(0, "input");
  if (!x) return [unknownDims(2)];
  let axis = c.int("axis", 1);
  if (axis < -x.length || axis > x.length) c.fail(`axis ${axis} is out of range for rank ${x.length}`);
  if (axis < 0) axis += x.length;
  return [[product(x.slice(0, axis)), product(x.slice(axis))]];
};

const squeeze: ShapeFn = (c) => {
  const x = c.required(0, "data");
  const given = axesOf(c, 1);
  if (!x || given === "dynamic") return [undefined];
  if (!given) {
    if (!x.every(isKnown)) return [undefined];
    return [x.filter((d) => d !== 1)];
  }
  const axes = c.check(() => given.map((a) => normAxis(a, x.length, "axes")));
  for (const a of axes) if (isKnown(x[a]!) && x[a] !== 1) c.fail(`axis ${a} of shape ${fmt(x)} is not 1`);
  return [x.filter((_, i) => !axes.includes(i))];
};

const unsqueeze: ShapeFn = (c) => {
  const x = c.required(0, "data");
  const given = axesOf(c, 1);
  if (given === undefined) return c.fail("requires axes");
  if (!x || given === "dynamic") return [undefined];
  const rank = x.length + given.length;
  const axes = c.check(() => given.map((a) => normAxis(a, rank, "axes")));
  if (new Set(axes).size !== axes.length) c.fail(`axes ${fmt(given)} repeat an axis`);
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) out.push(axes.includes(i) ? 1 : x[k++]!);
  return [out];
};

export const RESHAPE_SHAPES: Record<string, ShapeFn> = { Reshape: reshape, Flatten: flatten, Squeeze: squeeze, Unsqueeze: unsqueeze };
