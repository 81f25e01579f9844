// The greedy driver's worklist: a stack of ops with O(1) membership, push and removal
// (removed slots are nulled and skipped, as MLIR's Worklist does).
import type { Operation } from "../ir/operation.js";

/** Position marker of an op that is known but not queued. */
const NOT_QUEUED = -1;

export class Worklist {
  private list: (Operation | null)[] = [];
  // Entries are never deleted, only marked NOT_QUEUED: V8 Maps keep deleted entries in their
  // hash chains until a rehash, so delete+set of one hot op (a constant used everywhere) would
  // make lookups of it linear in the number of pops.
  private index = new Map<Operation, number>();
  private count = 0;

  get empty(): boolean {
    return this.count === 0;
  }

  /** Adds `op` unless it is already queued. */
  push(op: Operation): void {
    const at = this.index.get(op);
    if (at !== undefined && at !== NOT_QUEUED) return;
    this.index.set(op, this.list.length);
    this.list.push(op);
    this.count++;
  }

  /** Removes and returns the most recently pushed op. */
  pop(): Operation | undefined {
    while (this.list.length) {
      const op = this.list.pop()!;
      if (op) {
        this.index.set(op, NOT_QUEUED);
        this.count--;
        return op;
      }
    }
    return undefined;
  }

  remove(op: Operation): void {
    const i = this.index.get(op);
    if (i === undefined || i === NOT_QUEUED) return;
    this.list[i] = null;
    this.index.set(op, NOT_QUEUED);
    this.count--;
  }

  /** Reverses the order so ops pushed first are popped first (used after seeding). */
  reverse(): void {
    this.list.reverse();
    this.list.forEach((op, i) => { if (op) this.index.set(op, i); });
  }

  clear(): void {
    this.list = [];
    this.index = new Map();
    this.count = 0;
  }
}
