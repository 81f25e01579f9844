// Small changes: defaults that became required, removed attributes, renamed ops.
import { withoutAttrs, type Rewrite } from "../context.js";

/** Concat-1's axis defaulted to 1; Concat-4 requires it. */
export const concat: Rewrite = (node) => (node.attrs.axis === undefined ? [{ ...node, attrs: { ...node.attrs, axis: 1 } }] : [node]);

/** Scatter (9, deprecated in 11) is ScatterElements without reduction. */
export const scatter: Rewrite = (node) => [{ ...node, opType: "ScatterElements" }];

/** Gemm before 7: `broadcast` (C is broadcast unidirectionally in every later version). */
export const gemm: Rewrite = (node, ctx) => (ctx.opset < 7 ? [{ ...node, attrs: withoutAttrs(node.attrs, ["broadcast"]) }] : [node]);

/** RNN/GRU/LSTM-1 `output_sequence`: Y is simply produced when declared since version 7. */
export const recurrent: Rewrite = (node, ctx) => (ctx.opset < 7 ? [{ ...node, attrs: withoutAttrs(node.attrs, ["output_sequence"]) }] : [node]);
