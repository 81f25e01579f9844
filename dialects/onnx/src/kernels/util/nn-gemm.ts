import type { NumberData } from "./nn-dtype.js";
import { gemmPacked, padInner } from "./nn-gemm-packed.js";

/** One strided matrix operand: element (r, c) is at data[off + r*rs + c*cs]. */
export interface MatView<D> { data: D; off: number; rs: number; cs: number }

/** Copies the strided [R, C] view into a zeroed float64 [Rp, Cp] row-major buffer. */
function packF64(v: MatView<NumberData>, R: number, C: number, Rp: number, Cp: number): Float64Array {
  const out = new Float64Array(Rp * Cp), d = v.data, rs = v.rs, cs = v.cs;
  for (let r = 0; r < R; r++) {
    const src = v.off + r * rs, dst = r * Cp;
    if (cs === 1) for (let c = 0; c < C; c++) out[dst + c] = d[src + c]!;
    else for (let c = 0; c < C; c++) out[dst + c] = d[src + c * cs]!;
  }
  return out;
}

/**
 * [M, N] = A(M x K) * B(K x N) accumulated in float64 (float inputs; the caller's store rounds once).
 * Both operands are packed to contiguous float64 (this also turns transposed views into
 * row-major ones), then gemmPacked does the work.
 */
export function gemmFloat(a: MatView<NumberData>, b: MatView<NumberData>, M: number, K: number, N: number): Float64Array {
  const Kp = padInner(K);
  const acc = new Float64Array(M * N);
  gemmPacked(packF64(a, M, K, M, Kp), packF64(b, K, N, Kp, N), M, Kp, N, acc);
  return acc;
}

/** Integer GEMM modulo 2^32 (exact for every int type up to 32 bits once stored). */
export function gemmInt32(a: MatView<NumberData>, b: MatView<NumberData>, M: number, K: number, N: number, acc: Int32Array): void {
  const A = a.data, B = b.data;
  for (let i = 0; i < M; i++) {
    const row = i * N;
    for (let k = 0; k < K; k++) {
      const av = A[a.off + i * a.rs + k * a.cs]!;
      if (av === 0) continue;
      const bo = b.off + k * b.rs;
      for (let j = 0; j < N; j++) acc[row + j] = (acc[row + j]! + Math.imul(av, B[bo + j * b.cs]!)) | 0;
    }
  }
}

/** int64 GEMM with two's-complement wrap (exact beyond 2^53). */
export function gemmBig(a: MatView<BigInt64Array>, b: MatView<BigInt64Array>, M: number, K: number, N: number, acc: BigInt64Array): void {
  const A = a.data, B = b.data;
  for (let i = 0; i < M; i++) {
    const row = i * N;
    for (let k = 0; k < K; k++) {
      const av = A[a.off + i * a.rs + k * a.cs]!;
      if (av === 0n) continue;
      const bo = b.off + k * b.rs;
      for (let j = 0; j < N; j++) acc[row + j] = BigInt.asIntN(64, acc[row + j]! + av * B[bo + j * b.cs]!);
    }
  }
}
