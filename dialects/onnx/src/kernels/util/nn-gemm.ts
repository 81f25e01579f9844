import type { NumberData } from "./nn-dtype.js";

/** One strided matrix operand: element (r, c) is at data[off + r*rs + c*cs]. */
export interface MatView<D> { data: D; off: number; rs: number; cs: number }

/**
 * acc[i*N + j] += sum_k A(i,k) * B(k,j) in float64 (float inputs, rounded by the caller's store).
 * Loop order i-k-j keeps B rows and acc rows sequential.
 */
export function gemmFloat(a: MatView<NumberData>, b: MatView<NumberData>, M: number, K: number, N: number, acc: Float64Array): void {
  const A = a.data, B = b.data, bcs = b.cs;
  for (let i = 0; i < M; i++) {
    const row = i * N;
    for (let k = 0; k < K; k++) {
      const av = A[a.off + i * a.rs + k * a.cs]!;
      const bo = b.off + k * b.rs;
      if (bcs === 1) for (let j = 0; j < N; j++) acc[row + j] += av * B[bo + j]!; // contiguous B rows: the common case
      else for (let j = 0; j < N; j++) acc[row + j] += av * B[bo + j * bcs]!;
    }
  }
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
