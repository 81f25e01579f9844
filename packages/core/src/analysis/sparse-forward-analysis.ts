// The base of a sparse forward analysis (MLIR's SparseForwardDataFlowAnalysis): a lattice and
// transfer functions. The DataflowSolver drives it along SSA use-def edges and the CFG.
import type { Operation } from "../ir/operation.js";
import type { BlockArgument, Value } from "../ir/value.js";
import type { Lattice } from "./lattice.js";
import { TransferRegistry } from "./op-transfer.js";
import { trailingSuccessorOperands } from "./successor-operands.js";

export abstract class SparseForwardAnalysis<S> {
  /** Block-argument state changes before widening (loops over CFG edges terminate). */
  widenAfter = 8;
  constructor(readonly lattice: Lattice<S>) {}

  /**
   * Result states of `op` from its operand states (all initialized). Undefined (list or entry)
   * = top. Ops with regions whose results are not modelled should return top (the default of
   * registry-driven analyses).
   */
  abstract visitOperation(op: Operation, operands: readonly S[]): readonly (S | undefined)[] | undefined;

  /**
   * State of an entry-block argument of a region of `parent` (the op's operand states given).
   * Undefined = top: function arguments, bodies of ops the analysis does not model.
   */
  initializeBlockArgument(_arg: BlockArgument, _parent: Operation, _parentOperands: readonly S[]): S | undefined {
    return undefined;
  }

  /** Successors a branch may take (undefined = all). */
  successorsTaken(_op: Operation, _operands: readonly S[]): readonly boolean[] | undefined { return undefined; }

  /** Operands a branch forwards to successor `index` (undefined = unknown layout: args get top). */
  successorOperands(op: Operation, index: number): readonly Value[] | undefined {
    return trailingSuccessorOperands(op, index);
  }
}

/** A sparse analysis whose transfer functions come from a registry keyed by op name. */
export class RegistryAnalysis<S> extends SparseForwardAnalysis<S> {
  constructor(lattice: Lattice<S>, readonly transfers: TransferRegistry<S>) { super(lattice); }

  visitOperation(op: Operation, operands: readonly S[]): readonly (S | undefined)[] | undefined {
    return this.transfers.get(op.name)?.results?.(op, operands);
  }
  override initializeBlockArgument(arg: BlockArgument, parent: Operation, parentOperands: readonly S[]): S | undefined {
    const region = arg.owner.parent;
    const t = this.transfers.get(parent.name);
    if (!t?.regionEntryArgs || !region) return undefined;
    return t.regionEntryArgs(parent, parent.regions.indexOf(region), parentOperands)?.[arg.index];
  }
  override successorsTaken(op: Operation, operands: readonly S[]): readonly boolean[] | undefined {
    return this.transfers.get(op.name)?.successorsTaken?.(op, operands);
  }
  override successorOperands(op: Operation, index: number): readonly Value[] | undefined {
    const t = this.transfers.get(op.name);
    return t?.successorOperands ? t.successorOperands(op, index) : super.successorOperands(op, index);
  }
}
