// Per op: which attributes moved to inputs, and in which opset (from Changelog.md).
import { OnnxGraphError } from "../../errors.js";
import { attrsToInputsBefore, floatScalar, intAsVector, intsAttr, moveAttrs } from "./attr-to-input.js";
import type { Rewrite } from "../context.js";

const axesInput = (since: number): Rewrite => attrsToInputsBefore(since, [{ attr: "axes", index: 1, toTensor: intsAttr }]);

/** Reductions took `axes` as an attribute until ReduceSum-13 and the others' version 18. */
const REDUCE_18 = ["ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"];

/** Pad-1 named its pads `paddings`; Pad-2 `pads`; both with a float `value`. Pad-11 made them inputs. */
const pad: Rewrite = (node, ctx) => {
  if (ctx.opset >= 11) return [node];
  const renamed = node.attrs.paddings !== undefined && node.attrs.pads === undefined
    ? { ...node, attrs: { ...node.attrs, pads: node.attrs.paddings, paddings: undefined } } : node;
  return moveAttrs(renamed, ctx, [
    { attr: "pads", index: 1, toTensor: intsAttr },
    { attr: "value", index: 2, toTensor: floatScalar, castLikeInput0: true },
  ], ["paddings"]);
};

/** Split-1 could take `split` as input 1 already; Split-2..11 as attribute; Split-13 as input. */
const split: Rewrite = (node, ctx) => {
  const moved = ctx.opset < 13 ? moveAttrs(node, ctx, [{ attr: "split", index: 1, toTensor: intsAttr }]) : [node];
  if (ctx.opset >= 18) return moved;
  // Split-18 needs `num_outputs` when `split` is absent; before it, equal parts per output.
  return moved.map((n) => (n.opType === "Split" && !n.inputs[1] && n.attrs.num_outputs === undefined
    ? { ...n, attrs: { ...n.attrs, num_outputs: n.outputs.length } } : n));
};

export const MOVED_ATTR_RULES: Readonly<Record<string, Rewrite>> = {
  Reshape: attrsToInputsBefore(5, [{ attr: "shape", index: 1, toTensor: intsAttr }]),
  Squeeze: axesInput(13),
  Unsqueeze: (node, ctx) => {
    if (ctx.opset < 13 && node.attrs.axes === undefined) throw new OnnxGraphError(`${ctx.where}: Unsqueeze needs 'axes'`);
    return axesInput(13)(node, ctx);
  },
  ReduceSum: axesInput(13),
  ...Object.fromEntries(REDUCE_18.map((op) => [op, axesInput(18)])),
  TopK: attrsToInputsBefore(10, [{ attr: "k", index: 1, toTensor: intAsVector }]),
  Slice: attrsToInputsBefore(10, [
    { attr: "starts", index: 1, toTensor: intsAttr },
    { attr: "ends", index: 2, toTensor: intsAttr },
    { attr: "axes", index: 3, toTensor: intsAttr },
  ]),
  Clip: attrsToInputsBefore(11, [
    { attr: "min", index: 1, toTensor: floatScalar, castLikeInput0: true },
    { attr: "max", index: 2, toTensor: floatScalar, castLikeInput0: true },
  ]),
  Pad: pad,
  Split: split,
  // Inference-only: is_test is implied; ratio moved to input 1 in Dropout-12.
  Dropout: attrsToInputsBefore(12, [{ attr: "ratio", index: 1, toTensor: floatScalar }], ["is_test"]),
};
