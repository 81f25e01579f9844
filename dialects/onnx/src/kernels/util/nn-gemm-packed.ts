// The float GEMM core shared by MatMul, Gemm, Conv and ConvTranspose: float64 operands packed
// row-major, the inner dimension zero-padded to a multiple of 4, so the hot loop is one
// monomorphic Float64Array loop with no tail cases and no index arithmetic beyond `+ j`.

/** Rounds an inner dimension up to the 4-wide unroll of gemmPacked. */
export const padInner = (k: number): number => (k + 3) & ~3;

/**
 * acc[i*N + j] += sum_k A[i*Kp + k] * B[k*N + j], all in float64, for i < M, j < N.
 * Kp must be a multiple of 4 and the padding columns of A / rows of B must be 0 (finite), so they
 * add exact zeros. Loop order i-k-j with a 4x4 register block: four acc rows are updated per
 * pass over four B rows, so each B element loaded serves four products and acc/B stream
 * contiguously. Summation order differs from a plain k loop only by float64 reassociation.
 */
export function gemmPacked(A: Float64Array, B: Float64Array, M: number, Kp: number, N: number, acc: Float64Array): void {
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const r0 = i * N, r1 = r0 + N, r2 = r1 + N, r3 = r2 + N;
    const a0 = i * Kp, a1 = a0 + Kp, a2 = a1 + Kp, a3 = a2 + Kp;
    for (let k = 0; k < Kp; k += 4) {
      const p0 = A[a0 + k]!, p1 = A[a0 + k + 1]!, p2 = A[a0 + k + 2]!, p3 = A[a0 + k + 3]!;
      const q0 = A[a1 + k]!, q1 = A[a1 + k + 1]!, q2 = A[a1 + k + 2]!, q3 = A[a1 + k + 3]!;
      const s0 = A[a2 + k]!, s1 = A[a2 + k + 1]!, s2 = A[a2 + k + 2]!, s3 = A[a2 + k + 3]!;
      const t0 = A[a3 + k]!, t1 = A[a3 + k + 1]!, t2 = A[a3 + k + 2]!, t3 = A[a3 + k + 3]!;
      const b0 = k * N, b1 = b0 + N, b2 = b1 + N, b3 = b2 + N;
      for (let j = 0; j < N; j++) {
        const x0 = B[b0 + j]!, x1 = B[b1 + j]!, x2 = B[b2 + j]!, x3 = B[b3 + j]!;
        acc[r0 + j] += p0 * x0 + p1 * x1 + p2 * x2 + p3 * x3;
        acc[r1 + j] += q0 * x0 + q1 * x1 + q2 * x2 + q3 * x3;
        acc[r2 + j] += s0 * x0 + s1 * x1 + s2 * x2 + s3 * x3;
        acc[r3 + j] += t0 * x0 + t1 * x1 + t2 * x2 + t3 * x3;
      }
    }
  }
  for (; i < M; i++) { // row tail: one acc row per pass
    const r = i * N, a = i * Kp;
    for (let k = 0; k < Kp; k += 4) {
      const p0 = A[a + k]!, p1 = A[a + k + 1]!, p2 = A[a + k + 2]!, p3 = A[a + k + 3]!;
      const b0 = k * N, b1 = b0 + N, b2 = b1 + N, b3 = b2 + N;
      for (let j = 0; j < N; j++) acc[r + j] += p0 * B[b0 + j]! + p1 * B[b1 + j]! + p2 * B[b2 + j]! + p3 * B[b3 + j]!;
    }
  }
}
