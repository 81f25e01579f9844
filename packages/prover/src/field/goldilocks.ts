// Goldilocks prime field F_p, p = 2^64 - 2^32 + 1, with bigint scalars (cold path only).
//
// Inputs: every function accepts any bigint (negative or >= p) and interprets it mod p;
// outputs are always canonical, in [0, p). Hot loops must use the typed-array kernels in vec.ts.
import { FieldError } from "./errors.js";

export const P = 0xffff_ffff_0000_0001n;
/** p - 1 = 2^32 * 3 * 5 * 17 * 257 * 65537. */
export const TWO_ADICITY = 32;
/** 7 generates the multiplicative group F_p^* (checked in the tests). */
export const GENERATOR = 7n;

/** Reduce any bigint into [0, p). Fast path for values already canonical. */
export function reduce(x: bigint): bigint {
  if (x >= 0n && x < P) return x;
  const r = x % P;
  return r < 0n ? r + P : r;
}

export function isCanonical(x: bigint): boolean {
  return x >= 0n && x < P;
}

export function add(a: bigint, b: bigint): bigint {
  return reduce(a + b);
}

export function sub(a: bigint, b: bigint): bigint {
  return reduce(a - b);
}

export function neg(a: bigint): bigint {
  return reduce(-a);
}

export function mul(a: bigint, b: bigint): bigint {
  return reduce(a * b);
}

/** a^e for e >= 0 (square and multiply). A negative exponent means (a^-1)^|e|. */
export function pow(a: bigint, e: bigint | number): bigint {
  let exp = BigInt(e);
  let base = reduce(a);
  if (exp < 0n) {
    base = inv(base);
    exp = -exp;
  }
  let acc = 1n;
  while (exp > 0n) {
    if (exp & 1n) acc = (acc * base) % P;
    base = (base * base) % P;
    exp >>= 1n;
  }
  return acc;
}

/** Multiplicative inverse by Fermat (a^(p-2)); throws FieldError for 0 mod p. */
export function inv(a: bigint): bigint {
  const x = reduce(a);
  if (x === 0n) throw new FieldError("goldilocks.inv: inverse of zero");
  return pow(x, P - 2n);
}

export function div(a: bigint, b: bigint): bigint {
  if (reduce(b) === 0n) throw new FieldError("goldilocks.div: division by zero");
  return mul(a, inv(b));
}

const rootCache: bigint[] = [];

/** Primitive 2^logN-th root of unity: GENERATOR^((p-1)/2^logN), 0 <= logN <= 32. */
export function rootOfUnity(logN: number): bigint {
  if (!Number.isInteger(logN) || logN < 0 || logN > TWO_ADICITY) {
    throw new FieldError(`goldilocks.rootOfUnity: logN must be an integer in [0, ${TWO_ADICITY}], got ${logN}`);
  }
  let r = rootCache[logN];
  if (r === undefined) {
    r = pow(GENERATOR, (P - 1n) >> BigInt(logN));
    rootCache[logN] = r;
  }
  return r;
}
