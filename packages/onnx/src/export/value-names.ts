// Unique ONNX value names for a function's SSA values: graph inputs/outputs keep their ONNX names
// (the onnx.name arg/result attributes), initializers and node outputs are named from their
// locations where possible, else numbered.
import { ArrayAttr, DictionaryAttr, NameLoc, StringAttr, type Attribute, type Operation, type Value } from "@zkmlir/core";

/** The `onnx.name` entry of the i-th dictionary of an arg_attrs/res_attrs array. */
export function onnxNameAt(list: Attribute | undefined, i: number): string | undefined {
  const d = list instanceof ArrayAttr ? list.elements[i] : undefined;
  const n = d instanceof DictionaryAttr ? d.get("onnx.name") : undefined;
  return n instanceof StringAttr ? n.value : undefined;
}

export class ValueNames {
  private readonly names = new Map<Value, string>();
  private readonly used = new Set<string>();
  private counter = 0;

  /** Claims `name` (made unique with a suffix if taken). */
  reserve(name: string): string {
    let n = name;
    for (let k = 1; this.used.has(n) || n === ""; k++) n = `${name}_${k}`;
    this.used.add(n);
    return n;
  }

  set(v: Value, name: string): void { this.names.set(v, name); }
  has(v: Value): boolean { return this.names.has(v); }

  /** The name of `v`, assigned on first request from its defining op's location. */
  of(v: Value): string {
    const known = this.names.get(v);
    if (known !== undefined) return known;
    const def: Operation | undefined = v.definingOp;
    const base = def?.loc instanceof NameLoc ? def.loc.name : `v${this.counter++}`;
    const suffix = def && def.results.length > 1 ? `_${def.results.indexOf(v as (typeof def.results)[number])}` : "";
    const name = this.reserve(`${base}${suffix}`);
    this.names.set(v, name);
    return name;
  }
}
