// BatchNormalization before 14: inference mode drops is_test/spatial/consumed_inputs, and the
// training outputs (mean, var, saved stats) that versions 1-9 declared must be unused.
import { UnsupportedOpError } from "../../errors.js";
import { withoutAttrs, type Rewrite } from "../context.js";

export const batchNorm: Rewrite = (node, ctx) => {
  if (ctx.opset >= 14) return [node];
  if (ctx.opset < 9 && node.attrs.spatial === 0) {
    throw new UnsupportedOpError(`unsupported op BatchNormalization with spatial=0 (${ctx.where})`);
  }
  if (node.attrs.is_test === 0 || node.outputs.slice(1).some((o) => o && ctx.isUsed(o))) {
    throw new UnsupportedOpError(`unsupported op BatchNormalization in training mode (${ctx.where})`);
  }
  return [{ ...node, outputs: node.outputs.slice(0, 1), attrs: withoutAttrs(node.attrs, ["is_test", "spatial", "consumed_inputs"]) }];
};
