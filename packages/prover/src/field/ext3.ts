// Cubic extension F_p[x]/(x^3 - W) with W = 7. Since 3 | p-1, x^3 - W is irreducible iff W is
// not a cube in F_p, i.e. W^((p-1)/3) != 1; 7 generates F_p^* so it is not a cube (tested).
// Elements a0 + a1 x + a2 x^2 are triples of canonical bigints (cold path).
import { FieldError } from "./errors.js";
import { P, reduce, inv, add, sub } from "./goldilocks.js";

export type Ext = readonly [bigint, bigint, bigint];

/** The non-residue: x^3 = EXT_W. */
export const EXT_W = 7n;
export const EXT_ZERO: Ext = [0n, 0n, 0n];
export const EXT_ONE: Ext = [1n, 0n, 0n];

export function extFromBase(a: bigint): Ext {
  return [reduce(a), 0n, 0n];
}

export function extEq(a: Ext, b: Ext): boolean {
  return reduce(a[0]) === reduce(b[0]) && reduce(a[1]) === reduce(b[1]) && reduce(a[2]) === reduce(b[2]);
}

export function extIsZero(a: Ext): boolean {
  return reduce(a[0]) === 0n && reduce(a[1]) === 0n && reduce(a[2]) === 0n;
}

export function extAdd(a: Ext, b: Ext): Ext {
  return [add(a[0], b[0]), add(a[1], b[1]), add(a[2], b[2])];
}

export function extSub(a: Ext, b: Ext): Ext {
  return [sub(a[0], b[0]), sub(a[1], b[1]), sub(a[2], b[2])];
}

export function extNeg(a: Ext): Ext {
  return [reduce(-a[0]), reduce(-a[1]), reduce(-a[2])];
}

export function extMul(a: Ext, b: Ext): Ext {
  const [a0, a1, a2] = a;
  const [b0, b1, b2] = b;
  return [
    reduce(a0 * b0 + EXT_W * ((a1 * b2 + a2 * b1) % P)),
    reduce(a0 * b1 + a1 * b0 + EXT_W * ((a2 * b2) % P)),
    reduce(a0 * b2 + a1 * b1 + a2 * b0),
  ];
}

/** Multiply by a base-field scalar. */
export function extScale(a: Ext, s: bigint): Ext {
  return [reduce(a[0] * s), reduce(a[1] * s), reduce(a[2] * s)];
}

/**
 * Inverse via the adjugate: a * (t0 + t1 x + t2 x^2) = N in F_p with
 * t0 = a0^2 - W a1 a2, t1 = W a2^2 - a0 a1, t2 = a1^2 - a0 a2, N = a0 t0 + W (a1 t2 + a2 t1).
 */
export function extInv(a: Ext): Ext {
  const a0 = reduce(a[0]);
  const a1 = reduce(a[1]);
  const a2 = reduce(a[2]);
  const t0 = reduce(a0 * a0 - EXT_W * ((a1 * a2) % P));
  const t1 = reduce(EXT_W * ((a2 * a2) % P) - a0 * a1);
  const t2 = reduce(a1 * a1 - a0 * a2);
  const n = reduce(a0 * t0 + EXT_W * ((a1 * t2 + a2 * t1) % P));
  if (n === 0n) throw new FieldError("ext3.extInv: inverse of zero");
  const ni = inv(n);
  return [(t0 * ni) % P, (t1 * ni) % P, (t2 * ni) % P];
}

export function extDiv(a: Ext, b: Ext): Ext {
  return extMul(a, extInv(b));
}

/** a^e for e >= 0; a negative exponent inverts first. */
export function extPow(a: Ext, e: bigint | number): Ext {
  let exp = BigInt(e);
  let base: Ext = [reduce(a[0]), reduce(a[1]), reduce(a[2])];
  if (exp < 0n) {
    base = extInv(base);
    exp = -exp;
  }
  let acc: Ext = EXT_ONE;
  while (exp > 0n) {
    if (exp & 1n) acc = extMul(acc, base);
    base = extMul(base, base);
    exp >>= 1n;
  }
  return acc;
}
