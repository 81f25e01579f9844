// FRI pieces the verifier needs: fold count, the scalar fold of a pair, layer points, and the
// evaluation of the final polynomial. Arity-2 folding: f'(x^2) = (f(x) + f(-x)) + beta (f(x) - f(-x)) / x.
import { extAdd, extDiv, extMul, extSub, mul, pow, rootOfUnity, type Ext } from "../field/index.js";
import { COSET_SHIFT } from "./domain.js";

/** Number of folds: until the degree bound 2^logDegree is at most 2^finalLogLen. */
export function numFolds(logDegree: number, finalLogLen: number): number {
  return Math.max(0, logDegree - finalLogLen);
}

/** The scalar fold of one pair (f(x), f(-x)). */
export function foldPair(lo: Ext, hi: Ext, x: bigint, beta: Ext): Ext {
  return extAdd(extAdd(lo, hi), extMul(beta, extDiv(extSub(lo, hi), [x, 0n, 0n])));
}

export function evalExtPoly(coeffs: readonly Ext[], x: bigint): Ext {
  let acc: Ext = [0n, 0n, 0n];
  for (let i = coeffs.length - 1; i >= 0; i--) {
    acc = extAdd([mul(acc[0], x), mul(acc[1], x), mul(acc[2], x)], coeffs[i]!);
  }
  return acc;
}

/** Domain point of position i in layer k (size 2^logSize), shift g^(2^k). */
export function layerPoint(k: number, logSize: number, i: number): bigint {
  return mul(pow(COSET_SHIFT, 1n << BigInt(k)), pow(rootOfUnity(logSize), i));
}
