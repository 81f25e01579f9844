// Upsample (7, 9; removed in 10) and Resize-10 -> Resize(X, roi="", scales). Their coordinates
// were "asymmetric" and nearest picked floor when upsampling, ceil when downsampling (as
// onnxruntime's opset-10 "simple" mode), which a current Resize states explicitly.
import { Tensor } from "@zkmlir/core";
import { OnnxGraphError, UnsupportedOpError } from "../../errors.js";
import { makeNode, type Rewrite, type RewriteContext } from "../context.js";
import type { OnnxNode } from "../../proto/model.js";

function legacyResize(node: OnnxNode, ctx: RewriteContext, scalesName: string): OnnxNode[] {
  const rawMode = typeof node.attrs.mode === "string" ? node.attrs.mode : "nearest";
  const mode = rawMode === "bilinear" ? "linear" : rawMode;
  if (mode !== "nearest" && mode !== "linear") throw new UnsupportedOpError(`unsupported ${node.opType} mode '${rawMode}' (${ctx.where})`);
  const attrs: Record<string, string> = { mode, coordinate_transformation_mode: "asymmetric" };
  if (mode === "nearest") attrs.nearest_mode = nearestMode(ctx.constantValue(scalesName), ctx);
  return [makeNode("Resize", [node.inputs[0]!, "", scalesName], [node.outputs[0]!], attrs, node.name)];
}

/** floor when every scale is >= 1 (or unknown: Upsample only allows >= 1), ceil when all < 1. */
function nearestMode(scales: Tensor | undefined, ctx: RewriteContext): string {
  if (!scales) return "floor";
  const values = Array.from(scales.data, Number);
  if (values.every((s) => s >= 1)) return "floor";
  if (values.every((s) => s <= 1)) return "ceil";
  throw new UnsupportedOpError(`unsupported nearest resize mixing up- and downsampling scales [${values.join(", ")}] (${ctx.where})`);
}

export const upsample: Rewrite = (node, ctx) => {
  if (node.attrs.width_scale !== undefined || node.attrs.height_scale !== undefined) {
    throw new UnsupportedOpError(`unsupported op Upsample-1 (experimental width_scale/height_scale) (${ctx.where})`);
  }
  const attr = node.attrs.scales;
  if (node.inputs[1]) return legacyResize(node, ctx, node.inputs[1]);
  if (!Array.isArray(attr)) throw new OnnxGraphError(`${ctx.where}: Upsample needs scales`);
  const scales = ctx.constant(Tensor.fromArray("f32", [attr.length], attr as number[]), "scales");
  return legacyResize(node, ctx, scales);
};

export const resize10: Rewrite = (node, ctx) => {
  if (ctx.opset >= 11) return [node];
  if (!node.inputs[1]) throw new OnnxGraphError(`${ctx.where}: Resize-10 needs scales`);
  return legacyResize(node, ctx, node.inputs[1]);
};
