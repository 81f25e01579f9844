import { BlockArgument } from "./value.js";
import type { Type } from "./type.js";
import type { Operation } from "./operation.js";
import type { Region } from "./region.js";
import type { Location } from "./location.js";

/** A basic block: arguments and a doubly linked list of operations (O(1) insert/erase). */
export class Block {
  readonly args: BlockArgument[] = [];
  /** Locations of block arguments (printed with debug info). */
  readonly argLocs: (Location | undefined)[] = [];
  first: Operation | null = null;
  last: Operation | null = null;
  parent: Region | null = null;
  private count = 0;

  constructor(argTypes: readonly Type[] = []) {
    for (const t of argTypes) this.addArg(t);
  }

  get parentOp(): Operation | null { return this.parent?.parent ?? null; }
  get size(): number { return this.count; }
  get empty(): boolean { return this.first === null; }
  /** The last op, if it is a terminator candidate. */
  get terminator(): Operation | null { return this.last; }

  addArg(type: Type, loc?: Location): BlockArgument {
    const a = new BlockArgument(type, this, this.args.length);
    this.args.push(a);
    this.argLocs.push(loc);
    return a;
  }

  eraseArg(index: number): void {
    const a = this.args[index]!;
    if (a.hasUses) throw new Error(`cannot erase block argument #${index}: it still has uses`);
    this.args.splice(index, 1);
    this.argLocs.splice(index, 1);
    for (let i = index; i < this.args.length; i++) this.args[i]!.index = i;
  }

  *ops(): IterableIterator<Operation> {
    for (let op = this.first; op; ) {
      const next = op.next;
      yield op;
      op = next;
    }
  }
  opsArray(): Operation[] {
    const out: Operation[] = [];
    for (let op = this.first; op; op = op.next) out.push(op);
    return out;
  }

  /** Inserts `op` before `before` (or at the end when null). */
  insertBefore(op: Operation, before: Operation | null): void {
    if (op.parent) throw new Error(`operation '${op.name}' is already in a block`);
    op.parent = this;
    this.count++;
    if (!before) {
      op.prev = this.last;
      op.next = null;
      if (this.last) this.last.next = op;
      else this.first = op;
      this.last = op;
      return;
    }
    if (before.parent !== this) throw new Error("insertion point is not in this block");
    op.next = before;
    op.prev = before.prev;
    if (before.prev) before.prev.next = op;
    else this.first = op;
    before.prev = op;
  }
  append(op: Operation): void { this.insertBefore(op, null); }
  prepend(op: Operation): void { this.insertBefore(op, this.first); }

  /** Unlinks `op` from this block (does not drop its uses). */
  unlink(op: Operation): void {
    if (op.parent !== this) throw new Error("operation is not in this block");
    if (op.prev) op.prev.next = op.next;
    else this.first = op.next;
    if (op.next) op.next.prev = op.prev;
    else this.last = op.prev;
    op.prev = op.next = null;
    op.parent = null;
    this.count--;
  }

  /** Index of the block within its region. */
  get indexInRegion(): number { return this.parent ? this.parent.blocks.indexOf(this) : -1; }
}
