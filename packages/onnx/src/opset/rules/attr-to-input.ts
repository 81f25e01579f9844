// Attributes that later opsets turned into inputs (axes, shape, k, pads, starts/ends, ratio, ...):
// the old attribute becomes a constant initializer wired into the input slot.
import { Tensor } from "@zkmlir/core";
import type { AttrValue } from "@zkmlir/onnx-dialect";
import { OnnxGraphError } from "../../errors.js";
import type { OnnxNode } from "../../proto/model.js";
import { i64Vector, makeNode, withInput, withoutAttrs, type Rewrite, type RewriteContext } from "../context.js";

export interface MovedAttr {
  readonly attr: string;
  readonly index: number;
  readonly toTensor: (v: AttrValue, where: string) => Tensor;
  /** Cast the constant to the data input's type (CastLike) because the input shares its type T. */
  readonly castLikeInput0?: boolean;
}

export function intsAttr(v: AttrValue, where: string): Tensor {
  if (!Array.isArray(v) || v.some((x) => typeof x !== "number")) throw new OnnxGraphError(`${where}: expected an ints attribute`);
  return i64Vector(v as number[]);
}

export function intAsVector(v: AttrValue, where: string): Tensor {
  if (typeof v !== "number") throw new OnnxGraphError(`${where}: expected an int attribute`);
  return i64Vector([v]);
}

export function floatScalar(v: AttrValue, where: string): Tensor {
  if (typeof v !== "number") throw new OnnxGraphError(`${where}: expected a float attribute`);
  return Tensor.scalar("f32", v);
}

/** Move `moves` (when present on the node) into inputs; other attributes stay. */
export function moveAttrs(node: OnnxNode, ctx: RewriteContext, moves: readonly MovedAttr[], drop: readonly string[] = []): OnnxNode[] {
  let inputs = [...node.inputs];
  const pre: OnnxNode[] = [];
  for (const m of moves) {
    const v = node.attrs[m.attr];
    if (v === undefined) continue;
    if (inputs[m.index]) throw new OnnxGraphError(`${ctx.where}: '${m.attr}' is given both as attribute and as input ${m.index}`);
    let name = ctx.constant(m.toTensor(v, `${ctx.where}, attribute '${m.attr}'`), m.attr);
    if (m.castLikeInput0) {
      const cast = ctx.fresh(`${m.attr}_cast`);
      pre.push(makeNode("CastLike", [name, node.inputs[0]!], [cast]));
      name = cast;
    }
    inputs = withInput(inputs, m.index, name);
  }
  const attrs = withoutAttrs(node.attrs, [...moves.map((m) => m.attr), ...drop]);
  return [...pre, { ...node, inputs, attrs }];
}

/** A rule applying `moveAttrs` when the model's opset is below `since` (the version with inputs). */
export function attrsToInputsBefore(since: number, moves: readonly MovedAttr[], drop: readonly string[] = []): Rewrite {
  return (node, ctx) => (ctx.opset < since ? moveAttrs(node, ctx, moves, drop) : [node]);
}
