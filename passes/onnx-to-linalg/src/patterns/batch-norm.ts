// BatchNormalization over channel axis 1. Inference normalizes with the given input_mean /
// input_var. training_mode=1 (as the ONNX reference): batch mean and population variance over
// every axis but 1, the output normalized with them, and the running statistics
// running = input * momentum + batch * (1 - momentum) as outputs 1 and 2.
import { RankedTensorType, type Value } from "@zkmlir/core";
import { elementwise } from "../build/elementwise.js";
import { arith, constant } from "../build/scalar.js";
import { floatAttr, intAttr } from "../util/attrs.js";
import { resultType, staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import { reshapeTo } from "./softmax.js";
import { channelShaped, moments, normalize } from "./normalization.js";
import type { LowerCtx, Lowering } from "./lowering.js";

/** input * momentum + batch * (1 - momentum), per channel ([C]). */
function runningStat(c: LowerCtx, input: Value, batch: Value, momentum: number, out: RankedTensorType): Value {
  const b = reshapeTo(c.b, batch, RankedTensorType.get(out.shape, (batch.type as RankedTensorType).elementType));
  return elementwise(c.b, [input, b], out, ({ b: bb, args }) =>
    arith(bb, "add", arith(bb, "mul", args[0]!, constant(bb, args[0]!.type, momentum)), arith(bb, "mul", args[1]!, constant(bb, args[1]!.type, 1 - momentum))));
}

const batchNorm: Lowering = (c) => {
  const x = c.req(0), r = staticType(c.op, x).rank;
  const eps = floatAttr(c.op, "epsilon", 1e-5);
  const [scale, bias] = [1, 2].map((i) => channelShaped(c.b, c.req(i), r));
  const training = intAttr(c.op, "training_mode", 0) !== 0;
  if (!training) {
    if (c.used(1) || c.used(2)) throw loweringError(c.op, "running mean/var outputs need training_mode=1");
    const [mean, variance] = [3, 4].map((i) => channelShaped(c.b, c.req(i), r));
    return [normalize(c.b, x, mean!, variance!, scale!, bias, eps, resultType(c.op))];
  }
  const { mean, variance } = moments(c.b, x, Array.from({ length: r }, (_, i) => i).filter((i) => i !== 1));
  const y = normalize(c.b, x, mean, variance, scale!, bias, eps, resultType(c.op));
  const momentum = floatAttr(c.op, "momentum", 0.9);
  const runMean = c.used(1) ? runningStat(c, c.req(3), mean, momentum, c.outType(1)) : undefined;
  const runVar = c.used(2) ? runningStat(c, c.req(4), variance, momentum, c.outType(2)) : undefined;
  return [y, runMean, runVar];
};

export const BATCH_NORM: Record<string, Lowering> = { BatchNormalization: batchNorm };
