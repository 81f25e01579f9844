// Twiddle table shared by all NTT sizes up to its capacity: entry m + j holds w_{2m}^j for
// m = 1, 2, 4, ..., n/2 and 0 <= j < m, so each butterfly layer reads a contiguous run and a
// table built for n serves every smaller power of two (w_{2m} does not depend on n).
import { rootOfUnity, P } from "../field/goldilocks.js";

export function buildTwiddles(logN: number): BigUint64Array {
  const n = 1 << logN;
  const t = new BigUint64Array(Math.max(n, 2));
  for (let m = 1, k = 1; m < n; m <<= 1, k++) {
    const w = rootOfUnity(k);
    let x = 1n;
    for (let j = 0; j < m; j++) {
      t[m + j] = x;
      x = (x * w) % P;
    }
  }
  return t;
}
