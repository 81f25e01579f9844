// Interval helpers shared by arith's range rules: corner extremes and shift-amount clamping.
import { IntRange } from "@zkmlir/core";

export const minOf = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => (b < a ? b : a));
export const maxOf = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => (b > a ? b : a));

/** Signed hull of f over the corners of two signed intervals (f monotone in each argument per box). */
export function signedCorners(w: number, a: IntRange, b: IntRange, f: (x: bigint, y: bigint) => bigint, bLo = b.smin, bHi = b.smax): IntRange {
  const cs = [f(a.smin, bLo), f(a.smin, bHi), f(a.smax, bLo), f(a.smax, bHi)];
  return IntRange.fromSigned(w, minOf(cs), maxOf(cs));
}

/**
 * Shift amounts that are not undefined behaviour (unsigned view below the width), or undefined
 * when every amount is: an op that always has UB may get any range (we give top).
 */
export function validShift(w: number, b: IntRange): readonly [bigint, bigint] | undefined {
  const wb = BigInt(w);
  if (b.umin >= wb) return undefined;
  return [b.umin, b.umax < wb ? b.umax : wb - 1n];
}

/**
 * Bit-pattern bounds (MLIR's widenBitwiseBounds): every value in unsigned [lo, hi] shares the
 * bits above the highest bit where lo and hi differ; below it, any bits. Returns [known-prefix
 * with zeros below, known-prefix with ones below].
 */
export function bitBounds(r: IntRange): readonly [bigint, bigint] {
  const diff = r.umin ^ r.umax;
  const mask = diff === 0n ? 0n : (1n << BigInt(diff.toString(2).length)) - 1n;
  return [r.umin & ~mask, r.umax | mask];
}
