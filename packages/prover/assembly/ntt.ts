// Radix-2 NTT in linear memory. Twiddle table layout (shared with src/ntt/twiddles.ts):
// entry m + j = w_{2m}^j for m = 1, 2, ..., n/2, so a table for 2^L serves every size <= 2^L.
import { add, sub, mul, canon } from "./goldilocks";
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

/** In-place forward NTT of 2^logN elements, natural order in and out. */
export function ntt(v: usize, logN: i32, tw: usize): void {
  const n = <usize>1 << logN;
  if (logN == 0) {
    store<u64>(v, canon(load<u64>(v)));
    return;
  }
  bitReverse(v, logN);
  // First layer (twiddle 1) separately: no multiplication.
  for (let s: usize = 0; s < n; s += 2) {
    const pa = v + (s << 3);
    const a = load<u64>(pa), b = load<u64>(pa + 8);
    store<u64>(pa, add(a, b));
    store<u64>(pa + 8, sub(a, b));
  }
  for (let m: usize = 2; m < n; m <<= 1) {
    const twm = tw + (m << 3);
    for (let s: usize = 0; s < n; s += m << 1) {
      const pa = v + (s << 3), pb = pa + (m << 3);
      for (let j: usize = 0; j < m; j++) {
        const k = j << 3;
        const u = load<u64>(pa + k);
        const t = mul(load<u64>(pb + k), load<u64>(twm + k));
        store<u64>(pa + k, add(u, t));
        store<u64>(pb + k, sub(u, t));
      }
    }
  }
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
