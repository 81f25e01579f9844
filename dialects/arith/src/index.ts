export { ArithDialect } from "./dialect.js";
export { ConstantOp, typeOfAttr } from "./ops/constant.js";
export { IntBinaryOps, FloatBinaryOps, NegFOp, INT_SEMANTICS, FLOAT_SEMANTICS, OVERFLOW_NONE, FASTMATH_NONE } from "./ops/binary.js";
export { CmpIOp, CmpFOp, CMPI_PREDICATES, CMPF_PREDICATES, cmpi, cmpf, boolLike } from "./ops/compare.js";
export { SelectOp } from "./ops/select.js";
export { CastOps } from "./ops/cast.js";
export { norm, toSigned, toUnsigned, widthOf } from "./fold/apint.js";
export { arithImpls } from "./interp.js";
export { registerArithIntRanges, decideCmpi } from "./analysis/int-range.js";
