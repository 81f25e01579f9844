// SSA values with use-def chains. A value knows every operand slot that reads it.
import type { Type } from "./type.js";
import type { Operation } from "./operation.js";
import type { Block } from "./block.js";

/** One operand slot of an operation (MLIR's OpOperand). */
export class OpOperand {
  constructor(readonly owner: Operation, public index: number, private _value: Value) {
    _value.uses.add(this);
  }
  get value(): Value { return this._value; }
  set(v: Value): void {
    if (v === this._value) return;
    this._value.uses.delete(this);
    this._value = v;
    v.uses.add(this);
  }
  /** Detach from the value's use list (the owner is going away). */
  drop(): void { this._value.uses.delete(this); }
}

export abstract class Value {
  /** Insertion-ordered set of operand slots reading this value. */
  readonly uses = new Set<OpOperand>();
  constructor(public type: Type) {}
  get hasUses(): boolean { return this.uses.size > 0; }
  get hasOneUse(): boolean { return this.uses.size === 1; }
  /** Operations that use this value (each once, in use order). */
  users(): Operation[] {
    const s = new Set<Operation>();
    for (const u of this.uses) s.add(u.owner);
    return [...s];
  }
  replaceAllUsesWith(v: Value): void {
    if (v === this) return;
    for (const u of [...this.uses]) u.set(v);
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
