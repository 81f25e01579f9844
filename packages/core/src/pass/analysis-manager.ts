// Cached analyses keyed by (analysis class, op), invalidated after a pass unless preserved.
import type { Operation } from "../ir/operation.js";

export type AnalysisCtor<T> = new (op: Operation, am: AnalysisManager) => T;

export class AnalysisManager {
  private cache = new Map<AnalysisCtor<unknown>, Map<Operation, unknown>>();
  private preserved = new Set<AnalysisCtor<unknown>>();

  /** The analysis of `op`, computed once and cached until invalidated. */
  get<T>(ctor: AnalysisCtor<T>, op: Operation): T {
    let m = this.cache.get(ctor);
    if (!m) this.cache.set(ctor, (m = new Map()));
    if (m.has(op)) return m.get(op) as T;
    const a = new ctor(op, this);
    m.set(op, a);
    return a;
  }

  /** Marks an analysis as still valid after the running pass. */
  preserve(ctor: AnalysisCtor<unknown>): void { this.preserved.add(ctor); }
  preserveAll(): void { for (const k of this.cache.keys()) this.preserved.add(k); }

  /** Called by the pass manager after each pass: drops what the pass did not preserve. */
  invalidate(): void {
    for (const k of [...this.cache.keys()]) if (!this.preserved.has(k)) this.cache.delete(k);
    this.preserved.clear();
  }
}
