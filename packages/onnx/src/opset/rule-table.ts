// Which rewrite rule canonicalises each op type (default domain).
import type { Rewrite } from "./context.js";
import { batchNorm } from "./rules/batch-norm.js";
import { castTo } from "./rules/cast-to.js";
import { groupNorm } from "./rules/group-norm.js";
import { LEGACY_BROADCAST_OPS, legacyBroadcast } from "./rules/legacy-broadcast.js";
import { MOVED_ATTR_RULES } from "./rules/moved-attrs.js";
import { concat, gemm, recurrent, scatter } from "./rules/renamed-ops.js";
import { resize10, upsample } from "./rules/resize.js";
import { coerceTo2D } from "./rules/softmax-coerce.js";
import { UnsupportedOpError } from "../errors.js";

const tile1: Rewrite = (node, ctx) => {
  if (ctx.opset < 6) throw new UnsupportedOpError(`unsupported op Tile-1 (tiles/axis inputs) (${ctx.where})`);
  return [node];
};

export const RULES: Readonly<Record<string, Rewrite>> = {
  ...MOVED_ATTR_RULES,
  ...Object.fromEntries(LEGACY_BROADCAST_OPS.map((op) => [op, legacyBroadcast])),
  Softmax: coerceTo2D,
  LogSoftmax: coerceTo2D,
  Hardmax: coerceTo2D,
  BatchNormalization: batchNorm,
  Cast: castTo,
  Concat: concat,
  Scatter: scatter,
  Gemm: gemm,
  RNN: recurrent,
  GRU: recurrent,
  LSTM: recurrent,
  Upsample: upsample,
  Resize: resize10,
  Tile: tile1,
  GroupNormalization: groupNorm,
};
