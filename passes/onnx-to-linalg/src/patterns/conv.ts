// Conv and ConvTranspose as contraction generics over a padded input.
// Conv loops: n, m, o_1..o_s | c, k_1..k_s; reads x[n, g(m)*Cg + c, o*stride + k*dilation] and
// w[m, c, k]. ConvTranspose scatters: out[n, g, mg, i*stride + k*dilation] += x[n, g, c, i] *
// w[g, c, mg, k] into a full-size buffer that is then cropped by the begin pads.
import { AffineMap, RankedTensorType, bin, cst, dim, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import type { IteratorKind } from "@zkmlir/linalg";
import { elementwise } from "../build/elementwise.js";
import { generic, filled } from "../build/structured.js";
import { gatherCopy, offsetMap, reshapeMap } from "../build/reindex.js";
import { padSpatial } from "../build/pad.js";
import { arith } from "../build/scalar.js";
import { intAttr, intsAttr, stringAttr } from "../util/attrs.js";
import { resultType, staticType } from "../util/types.js";
import { paddedExtent, slidingWindow } from "../util/window.js";
import { loweringError } from "../errors.js";
import type { Lowering } from "./lowering.js";

const affine = (e: AffineExpr, k: number): AffineExpr => (k === 1 ? e : bin("mul", e, cst(k)));
const plus = (a: AffineExpr, b: AffineExpr): AffineExpr => bin("add", a, b);

/** Adds a per-channel bias [M] along dim 1 of `y`. */
export function addChannelBias(b: Builder, y: Value, bias: Value | undefined, out: RankedTensorType): Value {
  if (!bias) return y;
  const bt = bias.type as RankedTensorType;
  const shaped = gatherCopy(b, bias, reshapeMap(bt.shape, out.shape.map((d, i) => (i === 1 ? d : 1))), RankedTensorType.get(out.shape.map((d, i) => (i === 1 ? d : 1)), bt.elementType));
  return elementwise(b, [y, shaped], out, ({ b: bb, args }) => arith(bb, "add", args[0]!, args[1]!));
}

const macBody = ({ b, args }: { b: Builder; args: readonly Value[] }) => [arith(b, "add", args[2]!, arith(b, "mul", args[0]!, args[1]!))];

const conv: Lowering = (c) => {
  const x = c.req(0), w = c.req(1), out = resultType(c.op);
  const xt = staticType(c.op, x), wt = staticType(c.op, w, "weight");
  const s = xt.rank - 2, group = intAttr(c.op, "group", 1);
  const kernel = intsAttr(c.op, "kernel_shape") ?? wt.shape.slice(2);
  const inSp = xt.shape.slice(2), outSp = out.shape.slice(2);
  const win = slidingWindow(c.op, inSp, outSp, kernel);
  const xp = padSpatial(c.b, x, win.padLo, paddedExtent(win, inSp, outSp), 0);
  const M = out.shape[1]!, Cg = wt.shape[1]!, Mg = M / group;
  if (!Number.isInteger(Mg) || Cg * group !== xt.shape[1]) throw loweringError(c.op, `channels ${xt.shape[1]} / weight ${wt.key} do not match group ${group}`);
  const L = 2 + s + 1 + s; // n, m, o..., c, k...
  const o = (i: number) => dim(2 + i), k = (i: number) => dim(3 + s + i), cc = dim(2 + s);
  const chan = group === 1 ? cc : plus(affine(bin("floordiv", dim(1), cst(Mg)), Cg), cc);
  const xMap = new AffineMap(L, 0, [dim(0), chan, ...Array.from({ length: s }, (_, i) => plus(affine(o(i), win.strides[i]!), affine(k(i), win.dilations[i]!)))]);
  const wMap = new AffineMap(L, 0, [dim(1), cc, ...Array.from({ length: s }, (_, i) => k(i))]);
  const oMap = new AffineMap(L, 0, [dim(0), dim(1), ...Array.from({ length: s }, (_, i) => o(i))]);
  const iters: IteratorKind[] = [...Array.from({ length: 2 + s }, () => "parallel" as const), ...Array.from({ length: 1 + s }, () => "reduction" as const)];
  const y = generic(c.b, { inputs: [xp, w], outputs: [filled(c.b, out, 0)], maps: [xMap, wMap, oMap], iterators: iters, body: macBody })[0]!;
  return [addChannelBias(c.b, y, c.input(2), out)];
};

const convTranspose: Lowering = (c) => {
  const x = c.req(0), w = c.req(1), out = resultType(c.op);
  const xt = staticType(c.op, x), wt = staticType(c.op, w, "weight");
  const s = xt.rank - 2, group = intAttr(c.op, "group", 1);
  const N = xt.shape[0]!, C = xt.shape[1]!, Cg = C / group, Mg = wt.shape[1]!, M = Mg * group;
  if (!Number.isInteger(Cg) || wt.shape[0] !== C) throw loweringError(c.op, `weight ${wt.key} does not match ${C} input channels and group ${group}`);
  const kernel = intsAttr(c.op, "kernel_shape") ?? wt.shape.slice(2);
  const strides = intsAttr(c.op, "strides") ?? new Array<number>(s).fill(1);
  const dil = intsAttr(c.op, "dilations") ?? new Array<number>(s).fill(1);
  const outPad = intsAttr(c.op, "output_padding") ?? new Array<number>(s).fill(0);
  const inSp = xt.shape.slice(2), outSp = out.shape.slice(2);
  const full = inSp.map((n, i) => (n - 1) * strides[i]! + (kernel[i]! - 1) * dil[i]! + 1);
  const autoPad = stringAttr(c.op, "auto_pad", "NOTSET");
  const begin = inSp.map((_, i) => {
    const total = full[i]! + outPad[i]! - outSp[i]!;
    if (intsAttr(c.op, "output_shape") || autoPad !== "NOTSET") {
      return autoPad === "SAME_UPPER" ? Math.floor(total / 2) : total - Math.floor(total / 2);
    }
    return (intsAttr(c.op, "pads") ?? new Array<number>(2 * s).fill(0))[i]!;
  });
  if (begin.some((p) => p < 0)) throw loweringError(c.op, "negative pads are not supported");
  const bufSp = full.map((f, i) => Math.max(f, begin[i]! + outSp[i]!));
  const et = out.elementType;
  const xg = gatherCopy(c.b, x, reshapeMap(xt.shape, [N, group, Cg, ...inSp]), RankedTensorType.get([N, group, Cg, ...inSp], xt.elementType));
  const wg = gatherCopy(c.b, w, reshapeMap(wt.shape, [group, Cg, Mg, ...kernel]), RankedTensorType.get([group, Cg, Mg, ...kernel], wt.elementType));
  const bufT = RankedTensorType.get([N, group, Mg, ...bufSp], et);
  // Loops: n, g, mg, i..., c, k...
  const L = 3 + s + 1 + s;
  const i_ = (j: number) => dim(3 + j), cc = dim(3 + s), k = (j: number) => dim(4 + s + j);
  const xMap = new AffineMap(L, 0, [dim(0), dim(1), cc, ...inSp.map((_, j) => i_(j))]);
  const wMap = new AffineMap(L, 0, [dim(1), cc, dim(2), ...kernel.map((_, j) => k(j))]);
  const oMap = new AffineMap(L, 0, [dim(0), dim(1), dim(2), ...inSp.map((_, j) => plus(affine(i_(j), strides[j]!), affine(k(j), dil[j]!)))]);
  const iters: IteratorKind[] = [...Array.from({ length: 3 }, () => "parallel" as const), ...Array.from({ length: 2 * s + 1 }, () => "reduction" as const)];
  const buf = generic(c.b, { inputs: [xg, wg], outputs: [filled(c.b, bufT, 0)], maps: [xMap, wMap, oMap], iterators: iters, body: macBody })[0]!;
  const merged = RankedTensorType.get([N, M, ...bufSp], et);
  const bm = gatherCopy(c.b, buf, reshapeMap(bufT.shape, merged.shape), merged);
  const y = gatherCopy(c.b, bm, offsetMap([0, 0, ...begin]), out);
  return [addChannelBias(c.b, y, c.input(2), out)];
};

export const CONV: Record<string, Lowering> = { Conv: conv, ConvTranspose: convTranspose };
