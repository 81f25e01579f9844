// Radix-2 NTT in linear memory. Twiddle table layout (shared with src/ntt/twiddles.ts):
// entry m + j = w_{2m}^j for m = 1, 2, ..., n/2, so a table for 2^L serves every size <= 2^L.
import { add, sub, mul, canon, addCanon, subCanon, reduce128, P } from "./goldilocks";
import { extMul, r0, r1, r2 } from "./ext3";

/** Fill tw[m + j] for m < 2^logN; roots[k] (k = 1..logN, at rootsPtr + 8k) = primitive 2^k-th root. */
export function buildTwiddles(tw: usize, rootsPtr: usize, logN: i32): void {
  store<u64>(tw, 0);
  for (let k = 1; k <= logN; k++) {
    const m = <usize>1 << (k - 1);
    const w = load<u64>(rootsPtr + (<usize>k << 3));
    let x: u64 = 1;
    for (let j: usize = 0; j < m; j++) {
      store<u64>(tw + ((m + j) << 3), x);
      x = mul(x, w);
    }
  }
}

function bitReverse(v: usize, logN: i32): void {
  const n = <u32>1 << logN;
  const shift = 32 - logN;
  for (let i: u32 = 0; i < n; i++) {
    const j = reverseBits(i) >> shift;
    if (i < j) {
      const pi = v + (<usize>i << 3), pj = v + (<usize>j << 3);
      const t = load<u64>(pi);
      store<u64>(pi, load<u64>(pj));
      store<u64>(pj, t);
    }
  }
}

@inline function reverseBits(x: u32): u32 {
  x = ((x >> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  return bswap<u32>(x);
}

/** Radix-2 butterflies of the layer with half-size m over [lo, hi). Values are canonical. */
function radix2Layer(v: usize, tw: usize, lo: usize, hi: usize, m: usize): void {
  const twm = tw + (m << 3);
  for (let s = lo; s < hi; s += m << 1) {
    const pa = v + (s << 3), pb = pa + (m << 3);
    for (let j: usize = 0; j < m; j++) {
      const k = j << 3;
      const u = load<u64>(pa + k);
      const t = mul(load<u64>(pb + k), load<u64>(twm + k));
      store<u64>(pa + k, addCanon(u, t));
      store<u64>(pb + k, subCanon(u, t));
    }
  }
}

/** x * 2^48 mod p: the 128-bit product is (x << 48, x >> 16), no multiplication needed. */
@inline function mulPow48(x: u64): u64 {
  return reduce128(x << 48, x >> 16);
}

/**
 * The two DIT layers with half-sizes m and 2m in one pass (radix 4). With w = w_{4m}^j and
 * i = w_4 (= +-2^48), the outputs are x0 + A +- (B + C) and x0 - A +- i (B - C) where
 * A = w^2 x1, B = w x2, C = w^3 x3: three multiplications instead of four, half the memory passes.
 * w^3 comes from the table too: w_{4m}^(3j), negated past 2m since w_{4m}^(2m) = -1.
 */
function radix4Layer(v: usize, tw: usize, lo: usize, hi: usize, m: usize, iIsPow48: bool): void {
  const tw2 = tw + (m << 3), tw1 = tw + (m << 4);
  const m2 = m << 1;
  for (let s = lo; s < hi; s += m << 2) {
    const p0 = v + (s << 3), p1 = p0 + (m << 3), p2 = p1 + (m << 3), p3 = p2 + (m << 3);
    for (let j: usize = 0; j < m; j++) {
      const k = j << 3;
      const e = j * 3;
      const w3 = e < m2 ? load<u64>(tw1 + (e << 3)) : P - load<u64>(tw + (e << 3));
      const x0 = load<u64>(p0 + k);
      const a = mul(load<u64>(p1 + k), load<u64>(tw2 + k));
      const b = mul(load<u64>(p2 + k), load<u64>(tw1 + k));
      const c = mul(load<u64>(p3 + k), w3);
      const s0 = addCanon(x0, a), d0 = subCanon(x0, a);
      const s1 = addCanon(b, c);
      const t = mulPow48(subCanon(b, c));
      const d1 = iIsPow48 ? t : canon(P - t);
      store<u64>(p0 + k, addCanon(s0, s1));
      store<u64>(p2 + k, subCanon(s0, s1));
      store<u64>(p1 + k, addCanon(d0, d1));
      store<u64>(p3 + k, subCanon(d0, d1));
    }
  }
}

/** Layers whose butterflies stay inside blocks of 2^LOG_BLOCK elements (32 KiB) run block by block. */
const LOG_BLOCK = 12;

/**
 * In-place forward NTT of 2^logN elements, natural order in and out: bit reversal, a first
 * multiplication-free layer, one radix-2 layer if the remaining layer count is odd, then radix-4
 * passes (the small ones block by block for cache locality).
 */
export function ntt(v: usize, logN: i32, tw: usize): void {
  const n = <usize>1 << logN;
  if (logN == 0) {
    store<u64>(v, canon(load<u64>(v)));
    return;
  }
  bitReverse(v, logN);
  // w_4 = tw[3] (the m = 2 segment holds w_4^0, w_4^1); it is 2^48 or p - 2^48.
  const iIsPow48 = logN >= 2 && load<u64>(tw + 24) == (<u64>1 << 48);
  const oddRest = ((logN - 1) & 1) != 0;
  const bs = <usize>1 << min(logN, LOG_BLOCK);
  let m: usize = 2;
  for (let base: usize = 0; base < n; base += bs) {
    // First layer (twiddle 1): general add/sub also canonicalize the inputs.
    for (let s = base; s < base + bs; s += 2) {
      const pa = v + (s << 3);
      const a = load<u64>(pa), b = load<u64>(pa + 8);
      store<u64>(pa, add(a, b));
      store<u64>(pa + 8, sub(a, b));
    }
    m = 2;
    if (oddRest && m < bs) {
      radix2Layer(v, tw, base, base + bs, m);
      m = 4;
    }
    for (; (m << 1) < bs; m <<= 2) radix4Layer(v, tw, base, base + bs, m, iIsPow48);
  }
  // Remaining layers span blocks; they come in pairs (the odd one, if any, ran in the blocks).
  for (; m < n; m <<= 2) radix4Layer(v, tw, 0, n, m, iIsPow48);
}

/** Horner evaluation of n base coefficients at the extension point (x0, x1, x2); result to out[0..3). */
export function evalPolyExt(coeffs: usize, n: i32, x0: u64, x1: u64, x2: u64, out: usize): void {
  let a0: u64 = 0, a1: u64 = 0, a2: u64 = 0;
  for (let i = n - 1; i >= 0; i--) {
    extMul(a0, a1, a2, x0, x1, x2);
    a0 = add(r0, load<u64>(coeffs + (<usize>i << 3)));
    a1 = r1;
    a2 = r2;
  }
  store<u64>(out, a0);
  store<u64>(out + 8, a1);
  store<u64>(out + 16, a2);
}

/** v[i] *= shift^i for i < n (moves a polynomial from x to shift * x). */
export function scaleByPowers(v: usize, n: i32, shift: u64): void {
  let s: u64 = 1;
  for (let i = 0; i < n; i++) {
    const p = v + (<usize>i << 3);
    store<u64>(p, mul(load<u64>(p), s));
    s = mul(s, shift);
  }
}

/**
 * Low-degree extension by cosets: with N = n 2^logBlowup and B = 2^logBlowup, the evaluation at
 * shift * w_N^(k + B j) is NTT_n(c_i (shift w_N^k)^i)[j]. So B size-n NTTs (N/2 log n butterflies
 * instead of N/2 log N for one size-N NTT, and each fits in cache), scattered with stride B.
 * tmp holds n words; wN is a primitive N-th root; tw serves size n.
 */
export function ldeCosets(coeffs: usize, logN: i32, logBlowup: i32, shift: u64, wN: u64, tmp: usize, out: usize, tw: usize): void {
  const n = <usize>1 << logN;
  const B = <usize>1 << logBlowup;
  let cosetShift = canon(shift);
  for (let k: usize = 0; k < B; k++) {
    memory.copy(tmp, coeffs, n << 3);
    scaleByPowers(tmp, <i32>n, cosetShift);
    ntt(tmp, logN, tw);
    for (let j: usize = 0; j < n; j++) store<u64>(out + ((k + B * j) << 3), load<u64>(tmp + (j << 3)));
    cosetShift = mul(cosetShift, wN);
  }
}

/** out = sum_j c_j * x^j over n base coefficients, with x^j given as three power columns (dot product). */
export function dotExt(coeffs: usize, p0: usize, p1: usize, p2: usize, n: i32, out: usize): void {
  let a0: u64 = 0, a1: u64 = 0, a2: u64 = 0;
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    const c = load<u64>(coeffs + k);
    a0 = add(a0, mul(c, load<u64>(p0 + k)));
    a1 = add(a1, mul(c, load<u64>(p1 + k)));
    a2 = add(a2, mul(c, load<u64>(p2 + k)));
  }
  store<u64>(out, a0);
  store<u64>(out + 8, a1);
  store<u64>(out + 16, a2);
}

/** Powers of an extension point: (p0, p1, p2)[i] = x^i for i < n. */
export function extPowers(p0: usize, p1: usize, p2: usize, n: i32, x0: u64, x1: u64, x2: u64): void {
  let a0: u64 = 1, a1: u64 = 0, a2: u64 = 0;
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    store<u64>(p0 + k, a0);
    store<u64>(p1 + k, a1);
    store<u64>(p2 + k, a2);
    extMul(a0, a1, a2, x0, x1, x2);
    a0 = r0; a1 = r1; a2 = r2;
  }
}

/**
 * Synthetic division of the extension polynomial s (n coefficients, three columns) by X - z:
 * q[i-1] = s[i] + z q[i] from the top, q[n-1] = 0. Exact quotient when s(z) has been subtracted.
 */
export function divideByLinearExt(s0: usize, s1: usize, s2: usize, n: i32, z0: u64, z1: u64, z2: u64,
                                  q0: usize, q1: usize, q2: usize): void {
  if (n == 0) return;
  let a0: u64 = 0, a1: u64 = 0, a2: u64 = 0;
  const top = <usize>(n - 1) << 3;
  store<u64>(q0 + top, 0);
  store<u64>(q1 + top, 0);
  store<u64>(q2 + top, 0);
  for (let i = n - 1; i >= 1; i--) {
    const k = <usize>i << 3;
    extMul(z0, z1, z2, a0, a1, a2);
    a0 = add(r0, load<u64>(s0 + k));
    a1 = add(r1, load<u64>(s1 + k));
    a2 = add(r2, load<u64>(s2 + k));
    store<u64>(q0 + k - 8, a0);
    store<u64>(q1 + k - 8, a1);
    store<u64>(q2 + k - 8, a2);
  }
}
