// GroupNormalization-18 took scale/bias per group ([G]); version 21 takes them per channel ([C]).
// Each group value is repeated C/G times: Reshape(Expand(Reshape(s, [G, 1]), [G, C/G]), [C]),
// with C read from Shape(X) at run time.
import { Tensor } from "@zkmlir/core";
import { OnnxGraphError } from "../../errors.js";
import { i64Vector, makeNode, type Rewrite } from "../context.js";
import type { OnnxNode } from "../../proto/model.js";

export const groupNorm: Rewrite = (node, ctx) => {
  if (ctx.opset >= 21) return [node];
  const groups = node.attrs.num_groups;
  if (typeof groups !== "number") throw new OnnxGraphError(`${ctx.where}: GroupNormalization needs num_groups`);
  const [x, scale, bias] = node.inputs as [string, string, string];
  const f = (h: string): string => ctx.fresh(`${x}_gn_${h}`);
  const [shapeX, channels, perGroup, g1, p1, target] = ["shape", "c", "per_group", "g1", "p1", "target"].map(f) as [string, string, string, string, string, string];
  const g = ctx.constant(Tensor.scalar("i64", BigInt(groups)), "num_groups");
  const one = ctx.constant(i64Vector([1]), "one_dim");
  const pre: OnnxNode[] = [
    makeNode("Shape", [x], [shapeX]),
    makeNode("Gather", [shapeX, ctx.constant(Tensor.scalar("i64", 1n), "channel_axis")], [channels], { axis: 0 }),
    makeNode("Div", [channels, g], [perGroup]),
    makeNode("Reshape", [g, one], [g1]),
    makeNode("Reshape", [perGroup, one], [p1]),
    makeNode("Concat", [g1, p1], [target], { axis: 0 }),
  ];
  const perChannel = (v: string): string => {
    const col = f(`${v}_col`), wide = f(`${v}_wide`), out = f(`${v}_per_channel`);
    pre.push(
      makeNode("Reshape", [v, ctx.constant(i64Vector([-1, 1]), "col_shape")], [col]),
      makeNode("Expand", [col, target], [wide]),
      makeNode("Reshape", [wide, ctx.constant(i64Vector([-1]), "flat_shape")], [out]),
    );
    return out;
  };
  const inputs = [x, perChannel(scale), perChannel(bias)]; // before spreading `pre`: these append to it
  return [...pre, { ...node, inputs }];
};
