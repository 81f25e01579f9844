export { ntt, intt, cosetNtt, cosetIntt, interpolate, lde, evalPolyExt, evalPolysExt, divideByLinearExt, evalPoly, log2Exact } from "./ntt.js";
export { type NttKernels, tsNttKernels, nttKernels, setNttKernels } from "./backend.js";
