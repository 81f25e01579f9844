import {
  IntegerAttr, FloatAttr, DenseElementsAttr, DenseResourceAttr, Operation, type Attribute, type Dialect, type Type, type Location,
} from "@zkmlir/core";
import { ConstantOp } from "./ops/constant.js";
import { IntBinaryOps, FloatBinaryOps, NegFOp } from "./ops/binary.js";
import { CmpIOp, CmpFOp } from "./ops/compare.js";
import { SelectOp } from "./ops/select.js";
import { CastOps } from "./ops/cast.js";

export const ArithDialect: Dialect = {
  name: "arith",
  description: "Integer and floating-point arithmetic on scalars and tensors (signless integers, as upstream).",
  ops: [ConstantOp, ...IntBinaryOps, ...FloatBinaryOps, NegFOp, CmpIOp, CmpFOp, SelectOp, ...CastOps],
  materializeConstant(value: Attribute, type: Type, loc: Location): Operation | undefined {
    const ok = (value instanceof IntegerAttr || value instanceof FloatAttr || value instanceof DenseElementsAttr || value instanceof DenseResourceAttr) && value.type === type;
    if (!ok) return undefined;
    return Operation.create({ name: "arith.constant", resultTypes: [type], properties: { value }, loc });
  },
};
