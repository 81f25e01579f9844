// Builder with an insertion point (MLIR's OpBuilder).
import { Operation, type OperationInit } from "./operation.js";
import type { Block } from "./block.js";
import { Location, UnknownLoc } from "./location.js";

export class InsertionPoint {
  private constructor(readonly block: Block, readonly before: Operation | null) {}
  static atEnd(block: Block): InsertionPoint { return new InsertionPoint(block, null); }
  static atStart(block: Block): InsertionPoint { return new InsertionPoint(block, block.first); }
  static before(op: Operation): InsertionPoint {
    if (!op.parent) throw new Error(`'${op.name}' is not in a block`);
    return new InsertionPoint(op.parent, op);
  }
  static after(op: Operation): InsertionPoint {
    if (!op.parent) throw new Error(`'${op.name}' is not in a block`);
    return new InsertionPoint(op.parent, op.next);
  }
}

/** Observer of builder insertions (the rewriter uses it to track new ops). */
export interface BuilderListener {
  notifyOperationInserted?(op: Operation): void;
}

export class Builder {
  ip: InsertionPoint | null;
  /** Default location for created ops. */
  loc: Location = UnknownLoc.instance;
  listener?: BuilderListener;

  constructor(ip?: InsertionPoint) {
    this.ip = ip ?? null;
  }

  setInsertionPoint(ip: InsertionPoint): void { this.ip = ip; }
  setInsertionPointToEnd(b: Block): void { this.ip = InsertionPoint.atEnd(b); }
  setInsertionPointToStart(b: Block): void { this.ip = InsertionPoint.atStart(b); }
  setInsertionPointBefore(op: Operation): void { this.ip = InsertionPoint.before(op); }
  setInsertionPointAfter(op: Operation): void { this.ip = InsertionPoint.after(op); }

  /** Inserts an existing (detached) op at the insertion point. */
  insert<T extends Operation>(op: T): T {
    if (!this.ip) throw new Error("builder has no insertion point");
    this.ip.block.insertBefore(op, this.ip.before);
    this.listener?.notifyOperationInserted?.(op);
    return op;
  }

  /** Creates an op at the insertion point (detached when there is none). */
  create(init: OperationInit): Operation {
    const op = Operation.create({ loc: this.loc, ...init });
    return this.ip ? this.insert(op) : op;
  }

  /** Runs `fn` with the insertion point temporarily moved. */
  withInsertionPoint<R>(ip: InsertionPoint, fn: () => R): R {
    const saved = this.ip;
    this.ip = ip;
    try {
      return fn();
    } finally {
      this.ip = saved;
    }
  }
}
