// Deep cloning of operations and regions with a value/block mapping (MLIR's IRMapping and
// Operation::clone). Values and blocks absent from the mapping are used as they are, so a clone
// of an op nested in a larger body keeps referring to values defined outside it.
import { Operation } from "./operation.js";
import { Block } from "./block.js";
import type { Region } from "./region.js";
import type { Value } from "./value.js";

/** Maps original values and blocks to their clones. */
export class IRMapping {
  private readonly values = new Map<Value, Value>();
  private readonly blocks = new Map<Block, Block>();

  map(from: Value, to: Value): void { this.values.set(from, to); }
  mapBlock(from: Block, to: Block): void { this.blocks.set(from, to); }
  /** The mapped value, or `v` itself when unmapped. */
  lookupOrDefault(v: Value): Value { return this.values.get(v) ?? v; }
  lookupBlockOrDefault(b: Block): Block { return this.blocks.get(b) ?? b; }
  lookup(v: Value): Value | undefined { return this.values.get(v); }
  contains(v: Value): boolean { return this.values.has(v); }
}

/**
 * Clones `op` (detached) with all nested regions. Operands, successors and uses inside the
 * regions are remapped through `mapping`; the op's results are added to it. Locations are kept.
 */
export function cloneOp(op: Operation, mapping: IRMapping = new IRMapping()): Operation {
  const copy = Operation.create({
    name: op.name,
    operands: op.operands.map((o) => mapping.lookupOrDefault(o.value)),
    resultTypes: op.resultTypes,
    properties: op.properties,
    attributes: op.attributes,
    regions: op.regions.length,
    successors: op.successors.map((b) => mapping.lookupBlockOrDefault(b)),
    loc: op.loc,
  });
  op.results.forEach((r, i) => mapping.map(r, copy.results[i]!));
  op.regions.forEach((r, i) => cloneRegionInto(r, copy.regions[i]!, mapping));
  return copy;
}

/**
 * Clones the blocks of `src` into `dest` before block index `at` (default: at the end). All
 * blocks are created first so forward branches and uses of later blocks' values map correctly.
 */
export function cloneRegionInto(src: Region, dest: Region, mapping: IRMapping = new IRMapping(), at = dest.blocks.length): void {
  const clones: Block[] = [];
  for (const b of src.blocks) {
    const nb = new Block();
    b.args.forEach((a, i) => mapping.map(a, nb.addArg(a.type, b.argLocs[i])));
    mapping.mapBlock(b, nb);
    clones.push(nb);
  }
  clones.forEach((nb, i) => dest.addBlock(nb, at + i));
  // Ops in a region may use values defined later in another block (by dominance in a CFG, or
  // graph regions): clone in order, then patch any operand that was mapped after its use.
  const cloned: Operation[] = [];
  src.blocks.forEach((b, i) => {
    for (let op = b.first; op; op = op.next) {
      const c = cloneOp(op, mapping);
      clones[i]!.append(c);
      cloned.push(c);
    }
  });
  for (const c of cloned) {
    c.walk((n) => {
      n.operands.forEach((o) => {
        const m = mapping.lookup(o.value);
        if (m && m !== o.value) o.set(m);
      });
      n.successors = n.successors.map((s) => mapping.lookupBlockOrDefault(s));
    });
  }
}
