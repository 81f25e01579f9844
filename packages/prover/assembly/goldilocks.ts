// Goldilocks arithmetic on u64 for the WebAssembly kernels (AssemblyScript).
// Inputs may be any u64 (read mod p); results are canonical. WebAssembly has no 64x64->128
// multiply, so products are assembled from four 32x32->64 partial products.

export const P: u64 = 0xffffffff00000001;
/** 2^64 mod p = 2^32 - 1. */
export const EPS: u64 = 0xffffffff;

@inline export function canon(x: u64): u64 {
  return select<u64>(x - P, x, x >= P);
}

@inline export function add(a: u64, b: u64): u64 {
  const bc = canon(b);
  let s = a + bc;
  // Carry out of 2^64: add 2^64 mod p. a + bc < 2^64 + p, so the wrapped sum is < p: no second carry.
  s = select<u64>(s + EPS, s, s < bc);
  return canon(s);
}

@inline export function sub(a: u64, b: u64): u64 {
  const bc = canon(b);
  const d = a - bc;
  // Borrow: the wrapped d is a - bc + 2^64; subtracting 2^64 - p gives a - bc + p < p.
  return canon(select<u64>(d - EPS, d, a < bc));
}

/** a + b for canonical a, b (butterflies after the first NTT layer): one select fewer than add. */
@inline export function addCanon(a: u64, b: u64): u64 {
  let s = a + b;
  s = select<u64>(s + EPS, s, s < b);
  return canon(s);
}

/** a - b for canonical a, b: the result is canonical without a final reduction. */
@inline export function subCanon(a: u64, b: u64): u64 {
  const d = a - b;
  return select<u64>(d - EPS, d, a < b);
}

/** (lo + hi 2^64) mod p with 2^64 = EPS and 2^96 = -1: lo - hi_hi + hi_lo * EPS. */
@inline export function reduce128(lo: u64, hi: u64): u64 {
  const hiHi = hi >> 32;
  const hiLo = hi & EPS;
  let t0 = lo - hiHi;
  t0 = select<u64>(t0 - EPS, t0, lo < hiHi);
  const t1 = hiLo * EPS;
  let t2 = t0 + t1;
  t2 = select<u64>(t2 + EPS, t2, t2 < t1);
  return canon(t2);
}

@inline export function mul(a: u64, b: u64): u64 {
  const al = a & EPS, ah = a >> 32, bl = b & EPS, bh = b >> 32;
  const ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
  const mid = (ll >> 32) + (lh & EPS) + (hl & EPS);
  const lo = (ll & EPS) | (mid << 32);
  const hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
  return reduce128(lo, hi);
}

export function pow(a: u64, e: u64): u64 {
  let acc: u64 = 1;
  let base = canon(a);
  while (e != 0) {
    if (e & 1) acc = mul(acc, base);
    base = mul(base, base);
    e >>= 1;
  }
  return acc;
}

/** a^(p-2); 0 maps to 0 (callers check for zero first). */
export function inv(a: u64): u64 {
  return pow(a, P - 2);
}
