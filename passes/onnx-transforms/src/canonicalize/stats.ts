// Counters the onnx-canonicalize patterns bump; the pass reports them as statistics.
export interface CanonicalizeStats {
  /** Ops replaced by constants (kernel folding, Shape/Size of static shapes). */
  folded: number;
  /** Ops removed by a rewrite (Identity, inference Dropout, inverse pairs, no-op reshapes). */
  removed: number;
  /** Op pairs fused into one op (MatMul + Add -> Gemm, Reshape/Transpose chains). */
  fused: number;
  /** Fold attempts skipped because a tensor exceeds the element limit. */
  skippedLarge: number;
  /** Fold attempts the kernel rejected (the error recurs, located, when the op runs). */
  failed: number;
}

export const newStats = (): CanonicalizeStats => ({ folded: 0, removed: 0, fused: 0, skippedLarge: 0, failed: 0 });
