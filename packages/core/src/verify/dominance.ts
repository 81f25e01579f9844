// SSA dominance: every operand is defined before its use in the same block, in a dominating
// block, or in an enclosing region (unless an IsolatedFromAbove op lies between).
import type { Operation } from "../ir/operation.js";
import type { Block } from "../ir/block.js";
import type { Region } from "../ir/region.js";
import type { Value } from "../ir/value.js";
import { VerifyError } from "../ir/diagnostics.js";

/** Immediate dominators of a region's blocks (Cooper-Harvey-Kennedy). */
function dominators(region: Region): Map<Block, Block | null> {
  const blocks = region.blocks;
  const idom = new Map<Block, Block | null>();
  if (!blocks.length) return idom;
  const preds = new Map<Block, Block[]>();
  for (const b of blocks) preds.set(b, []);
  for (const b of blocks) for (const s of b.last?.successors ?? []) preds.get(s)?.push(b);
  // Reverse postorder from the entry.
  const order: Block[] = [];
  const seen = new Set<Block>();
  const dfs = (b: Block) => {
    seen.add(b);
    for (const s of b.last?.successors ?? []) if (!seen.has(s) && s.parent === region) dfs(s);
    order.push(b);
  };
  dfs(blocks[0]!);
  order.reverse();
  const rpo = new Map(order.map((b, i) => [b, i]));
  idom.set(blocks[0]!, blocks[0]!);
  const intersect = (a: Block, b: Block): Block => {
    while (a !== b) {
      while (rpo.get(a)! > rpo.get(b)!) a = idom.get(a)!;
      while (rpo.get(b)! > rpo.get(a)!) b = idom.get(b)!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of order.slice(1)) {
      let n: Block | undefined;
      for (const p of preds.get(b)!) if (idom.has(p)) n = n ? intersect(p, n) : p;
      if (n && idom.get(b) !== n) { idom.set(b, n); changed = true; }
    }
  }
  for (const b of blocks) if (!idom.has(b)) idom.set(b, null); // unreachable
  idom.set(blocks[0]!, null);
  return idom;
}

function blockDominates(a: Block, b: Block, idoms: Map<Region, Map<Block, Block | null>>): boolean {
  if (a === b) return true;
  const region = b.parent!;
  let dom = idoms.get(region);
  if (!dom) idoms.set(region, (dom = dominators(region)));
  if (dom.get(b) === null && b !== region.blocks[0]) return true; // unreachable code: MLIR accepts
  for (let x = dom.get(b); x; x = dom.get(x)) if (x === a) return true;
  return false;
}

function ancestorInBlock(op: Operation, block: Block): Operation | undefined {
  for (let o: Operation | null = op; o; o = o.parentOp) if (o.parent === block) return o;
  return undefined;
}

/** Ops scanned backwards from a use before building its block's position table. */
const NEAR = 16;

/**
 * Whether `def` comes before `op` in their common block. Most operands are defined a few ops
 * earlier, so a short backward scan answers without the table; otherwise each op's position is
 * computed once per block into `position`.
 */
function isBefore(def: Operation, op: Operation, position: Map<Operation, number>): boolean {
  let o = op.prev;
  for (let i = 0; o && i < NEAR; i++, o = o.prev) if (o === def) return true;
  if (!o) return false; // reached the block's start without meeting `def`
  return posOf(def, position) < posOf(op, position);
}

function posOf(op: Operation, position: Map<Operation, number>): number {
  let p = position.get(op);
  if (p === undefined) {
    let i = 0;
    for (let o = op.parent!.first; o; o = o.next) position.set(o, i++);
    p = position.get(op)!;
  }
  return p;
}

export function verifyDominance(root: Operation): void {
  const idoms = new Map<Region, Map<Block, Block | null>>();
  // Position of each op within its block, computed per block on demand.
  const position = new Map<Operation, number>();
  const check = (user: Operation, v: Value, idx: number) => {
    const defBlock = v.parentBlock;
    if (!defBlock) throw new VerifyError(`'${user.name}' op operand #${idx} is not defined (dangling value)`, user.loc);
    // Walk up from the user to the op that sits in the defining block's region.
    const anc = ancestorInBlock(user, defBlock);
    if (anc) {
      // Values may not cross an IsolatedFromAbove boundary between the use and `anc`.
      if (anc !== user) {
        for (let x: Operation | null = user.parentOp; x; x = x.parentOp) {
          if (x.hasTrait("IsolatedFromAbove")) throw new VerifyError(`'${user.name}' op uses a value defined outside the isolated region of '${x.name}'`, user.loc);
          if (x === anc) break;
        }
      }
      const def = v.definingOp;
      if (!def) return; // block argument of an ancestor block
      if (def === anc || isBefore(def, anc, position)) {
        if (def === anc && anc === user) throw new VerifyError(`'${user.name}' op operand #${idx} uses its own result`, user.loc);
        return;
      }
      throw new VerifyError(`operand #${idx} of '${user.name}' does not dominate this use`, user.loc, [`operand defined by '${def.name}' at ${def.loc.diagnosticPrefix() ?? "unknown"}`]);
    }
    // Different block: find the user's ancestor block in the same region as the definition.
    const region = defBlock.parent!;
    let o: Operation | null = user;
    while (o && o.parent?.parent !== region) o = o.parentOp;
    if (!o) throw new VerifyError(`operand #${idx} of '${user.name}' is defined in a region that does not enclose this use`, user.loc);
    // Values may not cross an IsolatedFromAbove boundary.
    if (o !== user) {
      for (let x: Operation | null = user.parentOp; x; x = x.parentOp) {
        if (x.hasTrait("IsolatedFromAbove")) throw new VerifyError(`'${user.name}' op uses a value defined outside the isolated region of '${x.name}'`, user.loc);
        if (x === o) break;
      }
    }
    if (!blockDominates(defBlock, o.parent!, idoms)) {
      throw new VerifyError(`operand #${idx} of '${user.name}' does not dominate this use`, user.loc);
    }
  };
  // Pre-order over every nested op with plain loops (a walk callback allocated per op).
  const visit = (op: Operation): void => {
    const operands = op.operands;
    for (let i = 0; i < operands.length; i++) check(op, operands[i]!.value, i);
    const regions = op.regions;
    for (let r = 0; r < regions.length; r++) {
      const blocks = regions[r]!.blocks;
      for (let b = 0; b < blocks.length; b++) for (let o = blocks[b]!.first; o; o = o.next) visit(o);
    }
  };
  visit(root);
}
