import { Block } from "./block.js";
import type { Operation } from "./operation.js";

/** A list of blocks owned by an operation. */
export class Region {
  readonly blocks: Block[] = [];
  constructor(public parent: Operation | null = null) {}

  get empty(): boolean { return this.blocks.length === 0; }
  get entry(): Block | undefined { return this.blocks[0]; }

  addBlock(block: Block = new Block(), at = this.blocks.length): Block {
    if (block.parent) throw new Error("block already belongs to a region");
    block.parent = this;
    this.blocks.splice(at, 0, block);
    return block;
  }

  /** Removes a block (which must have no uses from outside) and returns it. */
  removeBlock(block: Block): Block {
    const i = this.blocks.indexOf(block);
    if (i < 0) throw new Error("block is not in this region");
    this.blocks.splice(i, 1);
    block.parent = null;
    return block;
  }

  /** Moves all blocks of `other` into this region before index `at`. */
  takeBody(other: Region, at = this.blocks.length): void {
    const moved = other.blocks.splice(0);
    for (const b of moved) b.parent = this;
    this.blocks.splice(at, 0, ...moved);
  }

  /** True if `op` is nested (at any depth) inside this region. */
  isAncestorOf(op: Operation): boolean {
    let r: Region | null = op.parent?.parent ?? null;
    while (r) {
      if (r === this) return true;
      r = r.parent?.parent?.parent ?? null;
    }
    return false;
  }
}
