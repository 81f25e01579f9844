import type { Kernel } from "./types.js";
import { argMax, argMin } from "./nn/arg-reduce.js";
import { cumSum } from "./nn/cumsum.js";
import { batchNormalization } from "./nn/batch-norm.js";
import { depthToSpace, spaceToDepth } from "./nn/depth-space.js";
import { groupNormalization } from "./nn/group-norm.js";
import { instanceNormalization } from "./nn/instance-norm.js";
import { layerNormalization } from "./nn/layer-norm.js";
import { lrn } from "./nn/lrn.js";
import { maxUnpool } from "./nn/max-unpool.js";
import { meanVarianceNormalization } from "./nn/mvn.js";
import { resize, upsample } from "./nn/resize.js";
import { gru, lstm, rnn } from "./nn/rnn.js";
import { conv } from "./nn/conv.js";
import { convTranspose } from "./nn/conv-transpose.js";
import { einsum } from "./nn/einsum.js";
import { globalAveragePool, globalMaxPool } from "./nn/global-pool.js";
import { averagePool, lpPool, maxPool } from "./nn/pool.js";
import { gemm } from "./nn/gemm.js";
import { matMul } from "./nn/matmul.js";
import { REDUCE_KERNELS } from "./nn/reduce.js";
import { hardmax, logSoftmax, softmax } from "./nn/softmax.js";

/** Reductions, softmax, matmul/gemm/einsum, convolution, pooling, normalization, resize, recurrent. */
export const KERNELS_B: Record<string, Kernel> = {
  ...REDUCE_KERNELS,
  ArgMax: argMax,
  ArgMin: argMin,
  CumSum: cumSum,
  Softmax: softmax,
  LogSoftmax: logSoftmax,
  Hardmax: hardmax,
  MatMul: matMul,
  Gemm: gemm,
  Einsum: einsum,
  Conv: conv,
  ConvTranspose: convTranspose,
  AveragePool: averagePool,
  MaxPool: maxPool,
  LpPool: lpPool,
  GlobalAveragePool: globalAveragePool,
  GlobalMaxPool: globalMaxPool,
  BatchNormalization: batchNormalization,
  InstanceNormalization: instanceNormalization,
  LayerNormalization: layerNormalization,
  GroupNormalization: groupNormalization,
  LRN: lrn,
  MeanVarianceNormalization: meanVarianceNormalization,
  DepthToSpace: depthToSpace,
  SpaceToDepth: spaceToDepth,
  Resize: resize,
  Upsample: upsample,
  RNN: rnn,
  GRU: gru,
  LSTM: lstm,
  MaxUnpool: maxUnpool,
};
