// Scalar semantics of math ops in the reference domain (floats are JS numbers, rounded to f32
// by the caller when the type is f32; integers are bigints).
import { erf } from "./erf.js";

export type FloatUnary = (x: number) => number;

/** roundeven: ties to even (Math.round rounds ties up). */
function roundEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
/** math.round: ties away from zero. */
const roundAway = (x: number) => (x < 0 ? -Math.round(-x) : Math.round(x));

export const FLOAT_UNARY: Readonly<Record<string, FloatUnary>> = {
  absf: Math.abs, ceil: Math.ceil, floor: Math.floor, round: roundAway, roundeven: roundEven, trunc: Math.trunc,
  exp: Math.exp, exp2: (x) => 2 ** x, expm1: Math.expm1, log: Math.log, log2: Math.log2, log10: Math.log10, log1p: Math.log1p,
  sqrt: Math.sqrt, rsqrt: (x) => 1 / Math.sqrt(x), cbrt: Math.cbrt, erf,
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, asinh: Math.asinh, acosh: Math.acosh, atanh: Math.atanh,
};

export const FLOAT_BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  powf: (a, b) => a ** b,
  atan2: Math.atan2,
  copysign: (a, b) => (Object.is(b, -0) || b < 0 ? -Math.abs(a) : Math.abs(a)),
};

/** Integer power by squaring, wrapping at `width` bits (math.ipowi); negative exponents as upstream's fold: 1/x^n truncated. */
export function ipowi(base: bigint, exp: bigint, width: number): bigint {
  if (exp < 0n) {
    if (base === 0n) throw new Error("math.ipowi: zero to a negative power");
    if (base === 1n) return 1n;
    if (base === -1n) return exp % 2n === 0n ? 1n : BigInt.asIntN(width, -1n);
    return 0n;
  }
  let r = 1n, b = base, e = exp;
  while (e > 0n) {
    if (e & 1n) r = BigInt.asIntN(width, r * b);
    b = BigInt.asIntN(width, b * b);
    e >>= 1n;
  }
  return width === 1 ? r & 1n : r;
}
