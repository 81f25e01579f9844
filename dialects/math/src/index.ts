export { MathDialect } from "./dialect.js";
export { FloatUnaryOps, FloatBinaryOps, FmaOp, FPowIOp, FastmathC } from "./ops/float-ops.js";
export { AbsIOp, IPowIOp } from "./ops/int-ops.js";
export { FASTMATH_NONE } from "./ops/format.js";
export { FLOAT_UNARY, FLOAT_BINARY, ipowi } from "./fn/semantics.js";
export { erf } from "./fn/erf.js";
export { mathImpls } from "./interp.js";
