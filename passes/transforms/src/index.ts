// @zkmlir/transforms: generic transform passes (canonicalize, cse, symbol-dce).
export { CanonicalizePass, type CanonicalizeInit } from "./canonicalize.js";
export { CSEPass } from "./cse.js";
export { SymbolDCEPass } from "./symbol-dce.js";
export { registerTransformPasses } from "./register.js";
