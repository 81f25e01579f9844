// SSA values with use-def chains. A value knows every operand slot that reads it.
import type { Type } from "./type.js";
import type { Operation } from "./operation.js";
import type { Block } from "./block.js";

/**
 * One operand slot of an operation (MLIR's OpOperand). Slots reading the same value form an
 * intrusive doubly linked list (no per-value container: parsing 100k ops allocates nothing extra).
 */
export class OpOperand {
  /** @internal use-list links */
  nextUse: OpOperand | null = null;
  /** @internal */
  prevUse: OpOperand | null = null;
  constructor(readonly owner: Operation, public index: number, private _value: Value) {
    _value.addUse(this);
  }
  get value(): Value { return this._value; }
  /**
   * In its value's use list: a slot with a predecessor, or the head. Derived from the links
   * rather than stored, as every op has operands and a flag was 8 bytes more per slot.
   */
  private get attached(): boolean { return this.prevUse !== null || this._value.isFirstUse(this); }
  set(v: Value): void {
    const attached = this.attached;
    if (v === this._value && attached) return;
    if (attached) this._value.removeUse(this);
    this._value = v;
    v.addUse(this);
  }
  /** Detach from the value's use list (the owner is going away). */
  drop(): void {
    if (this.attached) this._value.removeUse(this);
  }
}

export abstract class Value {
  // The use list is the only record of uses (no count: 8 bytes more per value, and
  // hasUses/hasOneUse read the links; only numUses walks them).
  private firstUse: OpOperand | null = null;
  constructor(public type: Type) {}

  /** @internal */
  isFirstUse(u: OpOperand): boolean { return this.firstUse === u; }
  /** @internal */
  addUse(u: OpOperand): void {
    u.prevUse = null;
    u.nextUse = this.firstUse;
    if (this.firstUse) this.firstUse.prevUse = u;
    this.firstUse = u;
  }
  /** @internal */
  removeUse(u: OpOperand): void {
    if (u.prevUse) u.prevUse.nextUse = u.nextUse;
    else this.firstUse = u.nextUse;
    if (u.nextUse) u.nextUse.prevUse = u.prevUse;
    u.nextUse = u.prevUse = null;
  }

  /** Operand slots reading this value (a snapshot, safe to mutate while iterating). */
  get uses(): OpOperand[] {
    const out: OpOperand[] = [];
    for (let u = this.firstUse; u; u = u.nextUse) out.push(u);
    return out;
  }
  get numUses(): number {
    let n = 0;
    for (let u = this.firstUse; u; u = u.nextUse) n++;
    return n;
  }
  get hasUses(): boolean { return this.firstUse !== null; }
  get hasOneUse(): boolean { return this.firstUse !== null && this.firstUse.nextUse === null; }
  /** Operations that use this value (each once). */
  users(): Operation[] {
    const s = new Set<Operation>();
    for (let u = this.firstUse; u; u = u.nextUse) s.add(u.owner);
    return [...s];
  }
  replaceAllUsesWith(v: Value): void {
    if (v === this) return;
    for (const u of this.uses) u.set(v);
  }
  /** The operation defining this value, or undefined for a block argument. */
  abstract get definingOp(): Operation | undefined;
  /** The block the value is defined in. */
  abstract get parentBlock(): Block | null;
}

export class OpResult extends Value {
  constructor(type: Type, readonly owner: Operation, readonly index: number) { super(type); }
  get definingOp(): Operation { return this.owner; }
  get parentBlock(): Block | null { return this.owner.parent; }
}

export class BlockArgument extends Value {
  constructor(type: Type, readonly owner: Block, public index: number) { super(type); }
  get definingOp(): undefined { return undefined; }
  get parentBlock(): Block { return this.owner; }
}
