// Outcome of one conformance case, and its one-line rendering.

export type CaseStatus = "PASS" | "FAIL" | "UNSUPPORTED";

export interface CaseResult {
  /** Case name (folder name, or light_X). */
  readonly name: string;
  readonly status: CaseStatus;
  /** Largest absolute error over all outputs (PASS and FAIL when outputs were compared). */
  readonly maxError?: number;
  /** Why it failed or is unsupported. */
  readonly reason?: string;
}

export function formatResult(r: CaseResult): string {
  const err = r.maxError !== undefined ? ` max error ${r.maxError.toExponential(2)}` : "";
  const why = r.reason ? ` ${r.reason}` : "";
  return `${r.status} ${r.name}${err}${why}`;
}

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export function summarize(results: readonly CaseResult[]): Summary {
  let passed = 0, failed = 0, skipped = 0;
  for (const r of results) {
    if (r.status === "PASS") passed++;
    else if (r.status === "FAIL") failed++;
    else skipped++;
  }
  return { passed, failed, skipped };
}

/** The closing line: `N passed, N failed, N skipped`. */
export function formatSummary(s: Summary): string {
  return `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;
}
