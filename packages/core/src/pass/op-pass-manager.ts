// A list of passes anchored on one op name, possibly holding nested managers for ops directly
// inside the anchor's regions (MLIR's OpPassManager). It only describes the pipeline; the
// PassManager executes it.
import type { Pass } from "./pass.js";

/** Anchor that matches any operation (MLIR's `any(...)`). */
export const ANY_OP = "any";

export type PassManagerItem = Pass | OpPassManager;

export class OpPassManager {
  readonly items: PassManagerItem[] = [];
  constructor(readonly anchor: string) {}

  addPass(pass: Pass): this {
    this.items.push(pass);
    return this;
  }

  /** Adds and returns a manager that runs on each `opName` op directly nested in this anchor. */
  nest(opName: string): OpPassManager {
    const pm = new OpPassManager(opName);
    this.items.push(pm);
    return pm;
  }

  get size(): number {
    return this.items.length;
  }

  /** Every pass in this manager and its nested managers, in pipeline order. */
  *allPasses(): IterableIterator<Pass> {
    for (const it of this.items) {
      if (it instanceof OpPassManager) yield* it.allPasses();
      else yield it;
    }
  }

  /** The textual pipeline, as accepted by parsePassPipeline: `builtin.module(func.func(cse))`. */
  toPipelineString(): string {
    return `${this.anchor}(${this.items.map((it) => it.toPipelineString()).join(",")})`;
  }
}
