import type { Tensor } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { attrInt, attrString, requireInput } from "../util/nn-attrs.js";
import { gatherByMap } from "../util/nn-gather.js";

/**
 * DepthToSpace / SpaceToDepth on [N, C, H, W] with blocksize b. Both are a fixed 6-D transpose;
 * each output element's source offset is computed once, then values are copied (any dtype).
 */
function checkRank4(op: string, X: Tensor, b: number): [number, number, number, number] {
  if (X.rank !== 4) throw new KernelError(`${op}: input must be 4-D [N, C, H, W], got [${X.shape}]`);
  if (b < 1) throw new KernelError(`${op}: blocksize must be a positive int, got ${b}`);
  return X.shape as [number, number, number, number];
}

export const depthToSpace: Kernel = (inputs, attrs) => {
  const op = "DepthToSpace";
  const X = requireInput(op, inputs, 0, "input");
  const b = attrInt(op, attrs, "blocksize", 0);
  const [N, C, H, W] = checkRank4(op, X, b);
  if (C % (b * b) !== 0) throw new KernelError(`${op}: channels ${C} are not divisible by blocksize^2 = ${b * b}`);
  const mode = attrString(op, attrs, "mode", "DCR");
  if (mode !== "DCR" && mode !== "CRD") throw new KernelError(`${op}: mode must be DCR or CRD, got "${mode}"`);
  const Co = C / (b * b);
  const map = new Int32Array(X.size);
  let i = 0;
  for (let n = 0; n < N; n++) for (let c = 0; c < Co; c++) for (let h = 0; h < H * b; h++) for (let w = 0; w < W * b; w++) {
    const bh = h % b, bw = w % b;
    const ci = mode === "DCR" ? (bh * b + bw) * Co + c : c * b * b + bh * b + bw;
    map[i++] = ((n * C + ci) * H + Math.floor(h / b)) * W + Math.floor(w / b);
  }
  return [gatherByMap(X, [N, Co, H * b, W * b], map)];
};

export const spaceToDepth: Kernel = (inputs, attrs) => {
  const op = "SpaceToDepth";
  const X = requireInput(op, inputs, 0, "input");
  const b = attrInt(op, attrs, "blocksize", 0);
  const [N, C, H, W] = checkRank4(op, X, b);
  if (H % b !== 0 || W % b !== 0) throw new KernelError(`${op}: spatial dims ${H}x${W} are not divisible by blocksize ${b}`);
  const Ho = H / b, Wo = W / b;
  const map = new Int32Array(X.size);
  let i = 0;
  for (let n = 0; n < N; n++) for (let co = 0; co < C * b * b; co++) for (let h = 0; h < Ho; h++) for (let w = 0; w < Wo; w++) {
    const c = co % C, blk = Math.floor(co / C), bh = Math.floor(blk / b), bw = blk % b;
    map[i++] = ((n * C + c) * H + h * b + bh) * W + w * b + bw;
  }
  return [gatherByMap(X, [N, C * b * b, Ho, Wo], map)];
};
