import type { Dialect } from "@zkmlir/core";
import { GenericOp } from "./ops/generic.js";
import { YieldOp } from "./ops/yield.js";
import { IndexOp } from "./ops/index-op.js";
import { FillOp } from "./ops/fill.js";
import { MatmulOp, BatchMatmulOp } from "./ops/contraction.js";

export const LinalgDialect: Dialect = {
  name: "linalg",
  description: "Structured operations on tensors (upstream MLIR's linalg): linalg.generic over arbitrary affine indexing maps, and named ops that carry their implicit region.",
  ops: [GenericOp, YieldOp, IndexOp, FillOp, MatmulOp, BatchMatmulOp],
};
