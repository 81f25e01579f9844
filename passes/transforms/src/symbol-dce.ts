// `symbol-dce`: erases private symbols (`sym_visibility = "private"`) that nothing live refers
// to. Liveness propagates to a fixed point: public symbols and ops outside any symbol are live;
// a symbol becomes live when a live op holds a SymbolRefAttr resolving to it (resolved from the
// nearest enclosing symbol table, nested references `@a::@b` through the tables on the path).
// Ops inside a symbol only keep things alive if that symbol is live, so private functions
// referring only to each other (or themselves) are removed together.
import { Pass, SymbolRefAttr, ArrayAttr, DictionaryAttr, StringAttr, type Attribute, type Operation } from "@zkmlir/core";

function isSymbolTable(op: Operation): boolean {
  return op.hasTrait("SymbolTable");
}
function symName(op: Operation): string | undefined {
  const a = op.getAttr("sym_name");
  return a instanceof StringAttr ? a.value : undefined;
}
function isPrivate(op: Operation): boolean {
  const v = op.getAttr("sym_visibility");
  return v instanceof StringAttr && v.value === "private";
}

function collectRefs(a: Attribute, out: SymbolRefAttr[]): void {
  if (a instanceof SymbolRefAttr) out.push(a);
  else if (a instanceof ArrayAttr) for (const e of a.elements) collectRefs(e, out);
  else if (a instanceof DictionaryAttr) for (const [, v] of a.entries) collectRefs(v, out);
}

export class SymbolDCEPass extends Pass {
  readonly argument = "symbol-dce";
  readonly description = "Eliminate dead private symbols";

  run(root: Operation): void {
    // Symbol tables: table op -> name -> symbol op (the root counts as a table).
    const tables = new Map<Operation, Map<string, Operation>>();
    const tableOf = (t: Operation) => {
      let m = tables.get(t);
      if (!m) {
        m = new Map();
        for (const r of t.regions) for (const b of r.blocks) for (const op of b.ops()) {
          const n = symName(op);
          if (n !== undefined) m.set(n, op);
        }
        tables.set(t, m);
      }
      return m;
    };
    /** Nearest symbol table at or above `op` (within root). */
    const nearestTable = (op: Operation): Operation => {
      for (let o: Operation | null = op; o && o !== root; o = o.parentOp) if (isSymbolTable(o)) return o;
      return root;
    };
    /** Nearest symbol op strictly above `op` (its owner), or undefined. */
    const ownerOf = (op: Operation): Operation | undefined => {
      for (let o = op.parentOp; o && o !== root; o = o.parentOp) if (symName(o) !== undefined) return o;
      return undefined;
    };

    const symbols: Operation[] = [];
    const users: { owner: Operation | undefined; self: Operation; refs: SymbolRefAttr[] }[] = [];
    root.walk((op) => {
      if (op === root) return;
      if (symName(op) !== undefined && tableOf(nearestTable(op.parentOp ?? root)).get(symName(op)!) === op) symbols.push(op);
      const refs: SymbolRefAttr[] = [];
      for (const a of op.properties.values()) collectRefs(a, refs);
      for (const a of op.attributes.values()) collectRefs(a, refs);
      if (refs.length) users.push({ owner: symName(op) !== undefined ? op : ownerOf(op), self: op, refs });
    }, "pre");

    const live = new Set<Operation>();
    const isLive = (o: Operation | undefined): boolean => !o || live.has(o);
    let changed = true;
    while (changed) {
      changed = false;
      for (const s of symbols) {
        if (!live.has(s) && !isPrivate(s) && isLive(ownerOf(s))) { live.add(s); changed = true; }
      }
      for (const u of users) {
        if (!isLive(u.owner)) continue;
        for (const ref of u.refs) {
          let table: Operation | undefined = nearestTable(u.self.parentOp ?? root);
          for (const name of [ref.root, ...ref.nested]) {
            const sym: Operation | undefined = table ? tableOf(table).get(name) : undefined;
            if (!sym) break;
            if (!live.has(sym)) { live.add(sym); changed = true; }
            table = isSymbolTable(sym) ? sym : undefined;
          }
        }
      }
    }
    for (const s of symbols) {
      if (live.has(s) || !s.parent || !isLive(ownerOf(s))) continue;
      s.erase();
      this.stat("num-dce'd");
    }
  }
}
