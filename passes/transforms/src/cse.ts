// `cse`: common subexpression elimination. Pure, region-free ops with the same name, operands,
// properties, attributes and result types are merged when the first dominates the second:
// ops in a block see earlier ops of the block and of enclosing blocks; a non-entry block of a
// multi-block region sees its entry block (which dominates every reachable block) but not its
// siblings. Regions of IsolatedFromAbove or unregistered ops start from an empty scope.
// Trivially dead ops are erased on the way (num-dce'd).
import { Pass, isOpTriviallyDead, attrEquals, type Attribute, type Operation, type Region, type Block, type Value } from "@zkmlir/core";

/** Hash-consing table with a parent scope (MLIR's ScopedHashTable). */
class Scope {
  private readonly table = new Map<string, Operation[]>();
  constructor(readonly parent?: Scope) {}
  lookup(key: string, op: Operation): Operation | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const hit = s.table.get(key)?.find((o) => equivalent(o, op));
      if (hit) return hit;
    }
    return undefined;
  }
  insert(key: string, op: Operation): void {
    const l = this.table.get(key);
    if (l) l.push(op);
    else this.table.set(key, [op]);
  }
}

function sameAttrs(a: ReadonlyMap<string, Attribute>, b: ReadonlyMap<string, Attribute>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!attrEquals(v, b.get(k))) return false;
  return true;
}

/** Exact structural check behind the hash (hash keys of dense data may collide). */
function equivalent(a: Operation, b: Operation): boolean {
  return a.name === b.name && a.operands.length === b.operands.length && a.operands.every((o, i) => o.value === b.operands[i]!.value) &&
    a.results.length === b.results.length && a.results.every((r, i) => r.type === b.results[i]!.type) &&
    sameAttrs(a.properties, b.properties) && sameAttrs(a.attributes, b.attributes);
}

function attrKey(m: ReadonlyMap<string, Attribute>): string {
  return [...m].map(([k, v]) => `${k}=${v.hashKey()}`).sort().join(",");
}

export class CSEPass extends Pass {
  readonly argument = "cse";
  readonly description = "Eliminate common sub-expressions";
  private ids = new Map<Value, number>();

  private id(v: Value): number {
    let i = this.ids.get(v);
    if (i === undefined) this.ids.set(v, (i = this.ids.size));
    return i;
  }

  private key(op: Operation): string {
    return `${op.name}(${op.operands.map((o) => this.id(o.value)).join(",")})<${attrKey(op.properties)}>{${attrKey(op.attributes)}}:${op.resultTypes.map((t) => t.key).join(",")}`;
  }

  run(root: Operation): void {
    this.ids = new Map();
    for (const r of root.regions) this.simplifyRegion(r, new Scope());
    this.ids = new Map();
  }

  private simplifyRegion(region: Region, outer: Scope): void {
    const [entry, ...rest] = region.blocks;
    if (!entry) return;
    const entryScope = new Scope(outer);
    this.simplifyBlock(entry, entryScope);
    for (const b of rest) this.simplifyBlock(b, new Scope(entryScope));
  }

  private simplifyBlock(block: Block, scope: Scope): void {
    for (const op of block.ops()) {
      if (isOpTriviallyDead(op)) {
        op.erase();
        this.stat("num-dce'd");
        continue;
      }
      if (op.regions.length) {
        const isolated = !op.isRegistered || op.hasTrait("IsolatedFromAbove");
        for (const r of op.regions) this.simplifyRegion(r, isolated ? new Scope() : scope);
        continue;
      }
      if (!op.hasTrait("Pure") || op.results.length === 0) continue;
      const key = this.key(op);
      const existing = scope.lookup(key, op);
      if (existing) {
        op.results.forEach((r, i) => r.replaceAllUsesWith(existing.results[i]!));
        op.erase();
        this.stat("num-cse'd");
      } else {
        scope.insert(key, op);
      }
    }
  }
}
