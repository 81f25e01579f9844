// The greedy driver's worklist: a stack of ops with O(1) membership, push and removal
// (removed slots are nulled and skipped, as MLIR's Worklist does).
import type { Operation } from "../ir/operation.js";

export class Worklist {
  private list: (Operation | null)[] = [];
  private index = new Map<Operation, number>();

  get empty(): boolean {
    return this.index.size === 0;
  }

  /** Adds `op` unless it is already queued. */
  push(op: Operation): void {
    if (this.index.has(op)) return;
    this.index.set(op, this.list.length);
    this.list.push(op);
  }

  /** Removes and returns the most recently pushed op. */
  pop(): Operation | undefined {
    while (this.list.length) {
      const op = this.list.pop()!;
      if (op) {
        this.index.delete(op);
        return op;
      }
    }
    return undefined;
  }

  remove(op: Operation): void {
    const i = this.index.get(op);
    if (i === undefined) return;
    this.list[i] = null;
    this.index.delete(op);
  }

  /** Reverses the order so ops pushed first are popped first (used after seeding). */
  reverse(): void {
    this.list.reverse();
    this.list.forEach((op, i) => { if (op) this.index.set(op, i); });
  }

  clear(): void {
    this.list = [];
    this.index.clear();
  }
}
