// Op-specific transfer functions keyed by op name, so an analysis in core stays dialect-free:
// dialects register the rules for their ops into the analysis' registry.
import type { Operation } from "../ir/operation.js";
import type { Value } from "../ir/value.js";

export interface OpTransfer<S> {
  /**
   * Result states from the operands' states (all initialized). An undefined list or entry
   * means top. Must be monotone in the operand states.
   */
  results?(op: Operation, operands: readonly S[]): readonly (S | undefined)[] | undefined;
  /** States of the entry-block arguments of region `region` (scf.for's induction variable). */
  regionEntryArgs?(op: Operation, region: number, operands: readonly S[]): readonly (S | undefined)[] | undefined;
  /** Successors the branch may take, by index (undefined = all): prunes dead edges. */
  successorsTaken?(op: Operation, operands: readonly S[]): readonly boolean[] | undefined;
  /** Operands forwarded to successor `index`, when the trailing-operand layout does not fit. */
  successorOperands?(op: Operation, index: number): readonly Value[] | undefined;
}

/** Transfer functions by op name; registering a name twice merges (later hooks win). */
export class TransferRegistry<S> {
  private readonly byName = new Map<string, OpTransfer<S>>();

  register(opName: string, transfer: OpTransfer<S>): void {
    this.byName.set(opName, { ...this.byName.get(opName), ...transfer });
  }
  get(opName: string): OpTransfer<S> | undefined { return this.byName.get(opName); }
  has(opName: string): boolean { return this.byName.has(opName); }
  get names(): string[] { return [...this.byName.keys()]; }
}
