// Plain-TS radix-2 NTT on 32-bit limbs: the reference for the WebAssembly NTT and the fallback.
import { addL, subL, mulL, normalize, rHi, rLo } from "../field/limbs.js";
import { limbs } from "../field/vec-ts.js";
import type { FVec } from "../field/vec-types.js";
import { buildTwiddles } from "./twiddles.js";

let table: Uint32Array = new Uint32Array(0);
let tableLog = -1;

function twiddleLimbs(logN: number): Uint32Array {
  if (logN > tableLog) {
    const t = buildTwiddles(logN);
    table = new Uint32Array(t.buffer, t.byteOffset, t.length * 2);
    tableLog = logN;
  }
  return table;
}

/** Forward NTT in place, natural order in and out: v[k] <- sum_i v[i] w_n^(ik). Length is a power of two. */
export function tsNtt(v: FVec): void {
  const n = v.length;
  if (n <= 1) {
    if (n === 1) {
      const x = limbs(v);
      normalize(x[1]!, x[0]!);
      x[0] = rLo;
      x[1] = rHi;
    }
    return;
  }
  const logN = 31 - Math.clz32(n);
  const x = limbs(v);
  // Bit-reversal permutation, so the decimation-in-time layers produce natural order.
  for (let i = 0, j = 0; i < n; i++) {
    if (i < j) {
      const a = 2 * i, b = 2 * j;
      const l = x[a]!, h = x[a + 1]!;
      x[a] = x[b]!; x[a + 1] = x[b + 1]!;
      x[b] = l; x[b + 1] = h;
    }
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j |= bit;
  }
  const t = twiddleLimbs(logN);
  for (let m = 1; m < n; m <<= 1) {
    for (let start = 0; start < n; start += 2 * m) {
      for (let j = 0; j < m; j++) {
        const a = 2 * (start + j), b = a + 2 * m, w = 2 * (m + j);
        mulL(x[b + 1]!, x[b]!, t[w + 1]!, t[w]!);
        const th = rHi, tl = rLo;
        const uh = x[a + 1]!, ul = x[a]!;
        addL(uh, ul, th, tl);
        x[a] = rLo; x[a + 1] = rHi;
        subL(uh, ul, th, tl);
        x[b] = rLo; x[b + 1] = rHi;
      }
    }
  }
}
