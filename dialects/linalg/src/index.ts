export { LinalgDialect } from "./dialect.js";
export {
  iteratorType, iteratorKinds, iteratorTypesAttr, mapsAttr, affineMaps, PARALLEL, REDUCTION, CAST_SIGNED, CAST_UNSIGNED, MEMOIZED_MAPS,
  type IteratorKind, type CastKind,
} from "./attrs.js";
export { GenericOp } from "./ops/generic.js";
export { YieldOp } from "./ops/yield.js";
export { IndexOp } from "./ops/index-op.js";
export { FillOp, createFill } from "./ops/fill.js";
export { MatmulOp, BatchMatmulOp, createMatmul, createBatchMatmul } from "./ops/contraction.js";
export { Conv2DNchwFchwOp, PoolingNchwMaxOp, PoolingNchwSumOp, createConv2DNchwFchw, createPoolingNchwMax, createPoolingNchwSum, i64Pair, type WindowOptions } from "./ops/window.js";
export { TransposeOp, BroadcastOp, createTranspose, createBroadcast } from "./ops/permute.js";
export { ReduceOp, MapOp, createReduce, createMap } from "./ops/reduce-map.js";
export { buildNamed } from "./ops/named.js";
export { createGeneric, type GenericInit } from "./builders/generic.js";
export { buildStructured, type BodyFn, type StructuredInit } from "./builders/structured.js";
export { castScalar, addScalar, mulScalar, maxScalar, emit, BodyBuildError } from "./body/scalar-ops.js";
export { structuredView, isStructured, type StructuredView } from "./structured/view.js";
export { generalize } from "./structured/generalize.js";
export { linalgImpls } from "./interp.js";
