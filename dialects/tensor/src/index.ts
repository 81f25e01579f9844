export { TensorDialect } from "./dialect.js";
export { EmptyOp, createEmpty } from "./ops/empty.js";
export { tensorImpls } from "./interp.js";
