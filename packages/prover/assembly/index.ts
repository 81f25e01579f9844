// Entry point of the WebAssembly kernels (compiled by `npm run build:wasm -w packages/prover`).
export { vAdd, vSub, vMul, vScale, vAddScalar, vPowers, vBatchInverse, evMul, evScale, evBatchInverse, evAxpyBase } from "./vec";
export { evPrefixProduct, evPrefixSum, evAxpy } from "./scan";
export { buildTwiddles, ntt, evalPolyExt, scaleByPowers, ldeCosets, dotExt, extPowers, divideByLinearExt } from "./ntt";

/** First free byte after static data: JS manages everything above it. */
export const heapBase: usize = __heap_base;
export { blake3, hashRows, hashLevel } from "./blake3";
