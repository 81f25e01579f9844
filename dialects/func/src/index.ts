export { FuncDialect } from "./dialect.js";
export { FuncOp, functionType, createFunc } from "./ops/func.js";
export { ReturnOp } from "./ops/return.js";
export { CallOp } from "./ops/call.js";
export { funcImpls } from "./interp.js";
