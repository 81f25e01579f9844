export { ScfDialect } from "./dialect.js";
export { ForOp, createFor } from "./ops/for.js";
export { IfOp, createIf } from "./ops/if.js";
export { YieldOp } from "./ops/yield.js";
export { scfImpls } from "./interp.js";
