// Goldilocks arithmetic on two 32-bit limbs held in JS numbers (no BigInt): the plain-TS
// reference for the WebAssembly kernels and the fallback when WebAssembly is unavailable.
// A value is (hi, lo) = hi * 2^32 + lo. Results go to the module registers `rHi`, `rLo`
// (read them right after the call) so that the hot loops allocate nothing.
// Inputs may be any 64-bit pattern (non-canonical allowed); results are canonical.

const TWO32 = 4294967296;

export let rHi = 0;
export let rLo = 0;

/**
 * Canonicalize hi*2^32 + lo for |hi|, |lo| < 2^50 (any sign) using 2^64 = 2^32 - 1 (mod p):
 * fold the part of hi above 32 bits back down until the value fits 64 bits, then subtract p once.
 */
export function normalize(hi: number, lo: number): void {
  let c = Math.floor(lo / TWO32);
  lo -= c * TWO32;
  hi += c;
  while (hi >= TWO32 || hi < 0) {
    const hh = Math.floor(hi / TWO32);
    hi = hi - hh * TWO32 + hh;
    lo -= hh;
    c = Math.floor(lo / TWO32);
    lo -= c * TWO32;
    hi += c;
  }
  // Now 0 <= value < 2^64; p = 0xffffffff_00000001, so value >= p iff hi = 2^32-1 and lo >= 1.
  if (hi === 0xffffffff && lo >= 1) {
    hi = 0;
    lo -= 1;
  }
  rHi = hi;
  rLo = lo;
}

export function addL(ah: number, al: number, bh: number, bl: number): void {
  normalize(ah + bh, al + bl);
}

export function subL(ah: number, al: number, bh: number, bl: number): void {
  normalize(ah - bh, al - bl);
}

/** Exact 64-bit product of two u32 as (hi, lo): imul gives the low word exactly; the rounded
 * double product is within 2^12 of the truth, so rounding (x*y - lo) / 2^32 recovers hi. */
let mHi = 0;
let mLo = 0;
function mul32(x: number, y: number): void {
  const lo = Math.imul(x, y) >>> 0;
  mHi = Math.round((x * y - lo) / TWO32);
  mLo = lo;
}

/** (a * b) mod p. The 128-bit product r0 + r1 2^32 + r2 2^64 + r3 2^96 reduces with
 * 2^64 = 2^32 - 1 and 2^96 = -1: value = (r0 - r2 - r3) + (r1 + r2) 2^32. */
export function mulL(ah: number, al: number, bh: number, bl: number): void {
  mul32(al, bl);
  const r0 = mLo;
  let mid = mHi;
  mul32(al, bh);
  mid += mLo;
  let high = mHi;
  mul32(ah, bl);
  mid += mLo;
  high += mHi;
  mul32(ah, bh);
  high += mLo;
  const r3base = mHi;
  // mid < 3 * 2^32: split into r1 and a carry into r2.
  const c1 = Math.floor(mid / TWO32);
  const r1 = mid - c1 * TWO32;
  high += c1;
  const c2 = Math.floor(high / TWO32);
  const r2 = high - c2 * TWO32;
  const r3 = r3base + c2;
  normalize(r1 + r2, r0 - r2 - r3);
}
