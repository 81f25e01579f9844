// Structural equality of two single-block bodies: same ops in order, same wiring (by position),
// same result types and same properties (absent = declared default). Used to check that a named
// op carries its implicit region, which the interpreter's fast kernels rely on.
import { attrEquals, type Block, type Operation, type Value } from "@zkmlir/core";

function sameProps(a: Operation, b: Operation): boolean {
  const keys = new Set([...a.properties.keys(), ...b.properties.keys()]);
  for (const k of keys) {
    const da = a.def?.attributes.get(k)?.default, db = b.def?.attributes.get(k)?.default;
    if (!attrEquals(a.properties.get(k) ?? da, b.properties.get(k) ?? db)) return false;
  }
  return true;
}

export function sameBody(x: Block, y: Block): boolean {
  if (x.args.length !== y.args.length || x.args.some((a, i) => a.type !== y.args[i]!.type)) return false;
  const map = new Map<Value, Value>();
  x.args.forEach((a, i) => map.set(a, y.args[i]!));
  let a = x.first, b = y.first;
  for (; a && b; a = a.next, b = b.next) {
    if (a.name !== b.name || a.operands.length !== b.operands.length || a.results.length !== b.results.length || a.regions.length || b.regions.length) return false;
    for (let i = 0; i < a.operands.length; i++) if (map.get(a.operand(i)) !== b.operand(i)) return false;
    for (let i = 0; i < a.results.length; i++) {
      if (a.result(i).type !== b.result(i).type) return false;
      map.set(a.result(i), b.result(i));
    }
    if (!sameProps(a, b)) return false;
  }
  return a === null && b === null;
}
