export { FieldError } from "./errors.js";
export {
  P, TWO_ADICITY, GENERATOR, reduce, isCanonical, add, sub, neg, mul, pow, inv, div, rootOfUnity,
} from "./goldilocks.js";
export {
  type Ext, EXT_W, EXT_ZERO, EXT_ONE, extFromBase, extEq, extIsZero, extAdd, extSub, extNeg, extMul,
  extScale, extInv, extDiv, extPow,
} from "./ext3.js";
export {
  type FVec, type EVec, vAdd, vSub, vMul, vScale, vAddScalar, vBatchInverse, vPowers,
  evAlloc, evAdd, evSub, evMul, evMulBase, evScale, evBatchInverse, evLinComb,
  evPrefixProduct, evPrefixSum, evAddScaled, evAddScaledBase,
} from "./vec.js";
export { type VecKernels, tsKernels, kernels, setKernels } from "./backend.js";
