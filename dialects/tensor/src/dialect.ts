import type { Dialect } from "@zkmlir/core";
import { EmptyOp } from "./ops/empty.js";
import { ExtractSliceOp, InsertSliceOp } from "./ops/slice.js";
import { ExpandShapeOp, CollapseShapeOp, ReshapeOp, CastOp } from "./ops/reshape.js";
import { PadOp, GenerateOp, YieldOp } from "./ops/pad-generate.js";
import { ExtractOp, InsertOp, FromElementsOp, DimOp, ConcatOp } from "./ops/elements.js";

export const TensorDialect: Dialect = {
  name: "tensor",
  description: "Operations on tensor values: creation, slicing, reshaping, padding and element access (as upstream MLIR's tensor dialect).",
  ops: [EmptyOp, ExtractSliceOp, InsertSliceOp, ExpandShapeOp, CollapseShapeOp, ReshapeOp, CastOp, PadOp, GenerateOp, YieldOp, ExtractOp, InsertOp, FromElementsOp, DimOp, ConcatOp],
};
