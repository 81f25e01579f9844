import type { Dialect } from "@zkmlir/core";
import { GenericOp } from "./ops/generic.js";
import { YieldOp } from "./ops/yield.js";
import { IndexOp } from "./ops/index-op.js";
import { FillOp } from "./ops/fill.js";
import { MatmulOp, BatchMatmulOp } from "./ops/contraction.js";
import { Conv2DNchwFchwOp, PoolingNchwMaxOp, PoolingNchwSumOp } from "./ops/window.js";
import { TransposeOp, BroadcastOp } from "./ops/permute.js";
import { ReduceOp, MapOp } from "./ops/reduce-map.js";

export const LinalgDialect: Dialect = {
  name: "linalg",
  description: "Structured operations on tensors (upstream MLIR's linalg): linalg.generic over arbitrary affine indexing maps, and named ops that carry their implicit region.",
  ops: [GenericOp, YieldOp, IndexOp, FillOp, MatmulOp, BatchMatmulOp, Conv2DNchwFchwOp, PoolingNchwMaxOp, PoolingNchwSumOp, TransposeOp, BroadcastOp, ReduceOp, MapOp],
};
