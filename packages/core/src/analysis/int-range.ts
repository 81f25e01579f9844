// Integer ranges (MLIR's ConstantIntRanges): per value, a signed and an unsigned [min, max] as
// bigint, kept consistent with each other. The views are MLIR's: the signed view is the two's
// complement value, the unsigned view the bit pattern. For i1 (stored 0/1 by arith) that makes
// signed [-1, 0] and unsigned [0, 1]: `true` is -1 signed, as upstream's extsi/sitofp/cmpi slt.
// Non-integer values have the single NOT_INT state.
import type { Value } from "../ir/value.js";
import { IndexType, IntegerType, RankedTensorType, type Type } from "../ir/type.js";
import type { Lattice } from "./lattice.js";

/** Bit width of an integer, index or tensor-of-integer type (index = 64); 0 for anything else. */
export function intWidthOf(t: Type): number {
  const e = t instanceof RankedTensorType ? t.elementType : t;
  if (e instanceof IndexType) return 64;
  if (e instanceof IntegerType) return e.width;
  return 0;
}

export const signedMin = (w: number): bigint => -(1n << BigInt(w - 1));
export const signedMax = (w: number): bigint => (1n << BigInt(w - 1)) - 1n;
export const unsignedMax = (w: number): bigint => (1n << BigInt(w)) - 1n;
/** The signed view of `v` at width `w` (i1: true = 1n stored is -1n). */
export const toSignedView = (v: bigint, w: number): bigint => BigInt.asIntN(w, v);
export const toUnsignedView = (v: bigint, w: number): bigint => BigInt.asUintN(w, v);

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

export class IntRange {
  private constructor(
    readonly width: number, readonly smin: bigint, readonly smax: bigint, readonly umin: bigint, readonly umax: bigint,
  ) {}

  /** The state of non-integer values. */
  static readonly NOT_INT = new IntRange(0, 0n, 0n, 0n, 0n);

  static top(w: number): IntRange {
    return w === 0 ? IntRange.NOT_INT : new IntRange(w, signedMin(w), signedMax(w), 0n, unsignedMax(w));
  }
  static constant(w: number, v: bigint): IntRange {
    const s = toSignedView(v, w), u = toUnsignedView(v, w);
    return new IntRange(w, s, s, u, u);
  }
  /** Signed [lo, hi]; top when it leaves the width's signed range. */
  static fromSigned(w: number, lo: bigint, hi: bigint): IntRange {
    if (lo > hi || lo < signedMin(w) || hi > signedMax(w)) return IntRange.top(w);
    // One sign on both ends: the unsigned view is the same interval shifted; else full.
    const sameSign = lo >= 0n || hi < 0n;
    return new IntRange(w, lo, hi, sameSign ? toUnsignedView(lo, w) : 0n, sameSign ? toUnsignedView(hi, w) : unsignedMax(w));
  }
  /** Unsigned [lo, hi]; top when it leaves [0, 2^w - 1]. */
  static fromUnsigned(w: number, lo: bigint, hi: bigint): IntRange {
    if (lo > hi || lo < 0n || hi > unsignedMax(w)) return IntRange.top(w);
    const sameHalf = hi <= signedMax(w) || lo > signedMax(w);
    return new IntRange(w, sameHalf ? toSignedView(lo, w) : signedMin(w), sameHalf ? toSignedView(hi, w) : signedMax(w), lo, hi);
  }
  /** Both views known: the intersection of what each one implies (sound as each is). */
  static fromBoth(w: number, s: readonly [bigint, bigint], u: readonly [bigint, bigint]): IntRange {
    return IntRange.fromSigned(w, s[0], s[1]).intersect(IntRange.fromUnsigned(w, u[0], u[1]));
  }

  get isNotInt(): boolean { return this.width === 0; }
  get isTop(): boolean { return this.equals(IntRange.top(this.width)); }
  /** The single value, when the range holds one (signed view: i1 true is -1n). */
  get constantValue(): bigint | undefined { return this.width && this.smin === this.smax ? this.smin : undefined; }
  get signedNonNegative(): boolean { return this.smin >= 0n; }

  /** Does the range contain the stored value `v`? */
  contains(v: bigint): boolean {
    if (this.width === 0) return true;
    const s = toSignedView(v, this.width), u = toUnsignedView(v, this.width);
    return s >= this.smin && s <= this.smax && u >= this.umin && u <= this.umax;
  }

  join(o: IntRange): IntRange {
    if (this.width !== o.width) throw new Error(`joining integer ranges of widths ${this.width} and ${o.width}`);
    if (this.width === 0) return this;
    return IntRange.fromBoth(this.width, [min(this.smin, o.smin), max(this.smax, o.smax)], [min(this.umin, o.umin), max(this.umax, o.umax)]);
  }
  /** Values in both (each view intersected; an empty view falls back to the other's). */
  intersect(o: IntRange): IntRange {
    if (this.width === 0) return this;
    const slo = max(this.smin, o.smin), shi = min(this.smax, o.smax);
    const ulo = max(this.umin, o.umin), uhi = min(this.umax, o.umax);
    if (slo > shi || ulo > uhi) return this;
    return new IntRange(this.width, slo, shi, ulo, uhi);
  }
  equals(o: IntRange): boolean {
    return this.width === o.width && this.smin === o.smin && this.smax === o.smax && this.umin === o.umin && this.umax === o.umax;
  }
  toString(): string {
    return this.width === 0 ? "not-int" : `signed [${this.smin}, ${this.smax}] unsigned [${this.umin}, ${this.umax}]`;
  }
}

/** The integer-range lattice: join = hull of each view, top = the width's full range. */
export const IntRangeLattice: Lattice<IntRange> = {
  join: (a, b) => a.join(b),
  equals: (a, b) => a.equals(b),
  top: (v: Value) => IntRange.top(intWidthOf(v.type)),
  format: (s) => s.toString(),
};
