// Binary ops before opset 7 broadcast only with broadcast=1, aligning B to A at `axis` (default:
// suffix, like numpy). An explicit axis is rewritten by padding B's shape with trailing 1s:
// B' = Reshape(B, Concat(Shape(B), ones(rank(A) - axis - rank(B)))), computed in-graph because
// ranks are not known statically.
import { Tensor } from "@zkmlir/core";
import { i64Vector, makeNode, withoutAttrs, type Rewrite } from "../context.js";

export const LEGACY_BROADCAST_OPS = ["Add", "Sub", "Mul", "Div", "Pow", "And", "Or", "Xor", "Equal", "Greater", "Less"];

export const legacyBroadcast: Rewrite = (node, ctx) => {
  if (ctx.opset >= 7) return [node];
  const attrs = withoutAttrs(node.attrs, ["broadcast", "axis"]);
  const axis = node.attrs.axis;
  if (node.attrs.broadcast !== 1 || typeof axis !== "number") return [{ ...node, attrs }];
  const [a, b] = node.inputs as [string, string];
  const n = (h: string): string => ctx.fresh(`${b}_${h}`);
  const [shapeB, rankB, trailing, count, ones, newShape, b2] = ["shape", "rank", "trail", "count", "ones", "newshape", "aligned"].map(n) as [string, string, string, string, string, string, string];
  const pre = [
    makeNode("Shape", [b], [shapeB]),
    makeNode("Size", [shapeB], [rankB]),
  ];
  if (axis >= 0) {
    const shapeA = n("shape_a"), rankA = n("rank_a"), rest = n("rest");
    pre.push(
      makeNode("Shape", [a], [shapeA]),
      makeNode("Size", [shapeA], [rankA]),
      makeNode("Sub", [rankA, ctx.constant(Tensor.scalar("i64", BigInt(axis)), "axis")], [rest]),
      makeNode("Sub", [rest, rankB], [trailing]),
    );
  } else {
    pre.push(makeNode("Sub", [ctx.constant(Tensor.scalar("i64", BigInt(-axis)), "neg_axis"), rankB], [trailing]));
  }
  pre.push(
    makeNode("Reshape", [trailing, ctx.constant(i64Vector([1]), "one_dim")], [count]),
    makeNode("ConstantOfShape", [count], [ones], { value: i64Vector([1]) }),
    makeNode("Concat", [shapeB, ones], [newShape], { axis: 0 }),
    makeNode("Reshape", [b, newShape], [b2]),
  );
  return [...pre, { ...node, inputs: [a, b2], attrs }];
};
