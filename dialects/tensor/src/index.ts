export { TensorDialect } from "./dialect.js";
export { EmptyOp, createEmpty } from "./ops/empty.js";
export { ExtractSliceOp, InsertSliceOp, createExtractSlice, createInsertSlice, isRankReducedSlice, type OpFoldResult } from "./ops/slice.js";
export { ExpandShapeOp, CollapseShapeOp, ReshapeOp, CastOp, createExpandShape, createCollapseShape, reassociation, reassociationAttr, castCompatible } from "./ops/reshape.js";
export { PadOp, GenerateOp, YieldOp, createPad, createGenerate } from "./ops/pad-generate.js";
export { ExtractOp, InsertOp, FromElementsOp, DimOp, ConcatOp, createConcat } from "./ops/elements.js";
export { DYNAMIC_I64, i64Array } from "./ops/mixed.js";
export { tensorImpls } from "./interp.js";
