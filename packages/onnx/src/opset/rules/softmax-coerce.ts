// Softmax/LogSoftmax/Hardmax before opset 13 coerced the input to 2-D at `axis` (default 1) and
// normalised over the flattened tail. Canonical form: Flatten(axis) -> op(axis=1) -> Reshape back.
import { makeNode, withoutAttrs, type Rewrite } from "../context.js";

export const coerceTo2D: Rewrite = (node, ctx) => {
  if (ctx.opset >= 13) return [node];
  const axis = typeof node.attrs.axis === "number" ? node.attrs.axis : 1;
  const attrs = withoutAttrs(node.attrs, ["axis"]);
  if (axis === -1) return [{ ...node, attrs: { ...attrs, axis: -1 } }]; // the tail is just the last axis
  const x = node.inputs[0]!;
  const shape = ctx.fresh(`${x}_shape`);
  const flat = ctx.fresh(`${x}_2d`);
  const y2 = ctx.fresh(`${node.outputs[0]}_2d`);
  return [
    makeNode("Shape", [x], [shape]),
    makeNode("Flatten", [x], [flat], { axis }),
    { ...node, inputs: [flat], outputs: [y2], attrs: { ...attrs, axis: 1 } },
    makeNode("Reshape", [y2, shape], [node.outputs[0]!]),
  ];
};
