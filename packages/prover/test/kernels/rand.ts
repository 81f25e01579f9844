// Deterministic test randomness (splitmix64) so failures reproduce.
import { P } from "../../src/field/goldilocks.js";

export class Rng {
  private s: bigint;
  constructor(seed: number) {
    this.s = BigInt(seed) & 0xffffffffffffffffn;
  }
  u64(): bigint {
    this.s = (this.s + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = this.s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return z ^ (z >> 31n);
  }
  /** Canonical field element, biased towards edge values a quarter of the time. */
  fe(): bigint {
    const r = this.u64();
    if ((r & 3n) === 0n) return EDGES[Number((r >> 2n) % BigInt(EDGES.length))]!;
    return r % P;
  }
  int(n: number): number {
    return Number(this.u64() % BigInt(n));
  }
  vec(n: number, gen: () => bigint = () => this.fe()): BigUint64Array {
    const v = new BigUint64Array(n);
    for (let i = 0; i < n; i++) v[i] = gen();
    return v;
  }
  bytes(n: number): Uint8Array {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i += 8) {
      let r = this.u64();
      for (let k = i; k < Math.min(n, i + 8); k++, r >>= 8n) b[k] = Number(r & 0xffn);
    }
    return b;
  }
}

/** 0, 1, p-1, 2^32, 2^64 - 2^32 (= p - 1), and neighbours of the limb boundaries. */
export const EDGES: readonly bigint[] = [
  0n, 1n, 2n, P - 1n, P - 2n, 1n << 32n, (1n << 32n) - 1n, (1n << 32n) + 1n, (1n << 64n) - (1n << 32n),
  (1n << 63n), P >> 1n, 0xffffffffn << 16n,
];

/** Non-canonical u64 values (>= p) that kernels must read mod p. */
export const NON_CANONICAL: readonly bigint[] = [P, P + 1n, (1n << 64n) - 1n, (1n << 64n) - 2n, P + (1n << 31n)];

/** Index of the first differing element (or length mismatch as -2), -1 when equal: cheap on big arrays. */
export function firstDiff(a: ArrayLike<bigint | number>, b: ArrayLike<bigint | number>): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}
