// linalg's attribute vocabulary, spelled as upstream prints it in generic form.
import { DialectAttr, EnumAttr, ArrayAttr, AffineMapAttr, type Attribute, type AffineMap } from "@zkmlir/core";

export type IteratorKind = "parallel" | "reduction";
export const IteratorTypeC = EnumAttr("linalg", "iterator_type", ["parallel", "reduction"]);
/** `#linalg.iterator_type<parallel|reduction>` */
export const iteratorType = (k: IteratorKind): DialectAttr => new DialectAttr("linalg", "iterator_type", k);
export const PARALLEL = iteratorType("parallel");
export const REDUCTION = iteratorType("reduction");

/** Iterator kinds of an `iterator_types` ArrayAttr (undefined if malformed). */
export function iteratorKinds(a: Attribute | undefined): IteratorKind[] | undefined {
  if (!(a instanceof ArrayAttr)) return undefined;
  const out: IteratorKind[] = [];
  for (const e of a.elements) {
    if (!(e instanceof DialectAttr) || e.dialect !== "linalg" || e.name !== "iterator_type") return undefined;
    if (e.body !== "parallel" && e.body !== "reduction") return undefined;
    out.push(e.body);
  }
  return out;
}

export const iteratorTypesAttr = (ks: readonly IteratorKind[]): ArrayAttr => new ArrayAttr(ks.map(iteratorType));
export const mapsAttr = (ms: readonly AffineMap[]): ArrayAttr => new ArrayAttr(ms.map((m) => new AffineMapAttr(m)));

/** Maps of an `indexing_maps` ArrayAttr (undefined if malformed). */
export function affineMaps(a: Attribute | undefined): AffineMap[] | undefined {
  if (!(a instanceof ArrayAttr) || !a.elements.every((e) => e instanceof AffineMapAttr)) return undefined;
  return a.elements.map((e) => (e as AffineMapAttr).map);
}

/** `#linalg.type_fn<cast_signed|cast_unsigned>`: how named ops convert operands to the output type. */
export type CastKind = "cast_signed" | "cast_unsigned";
export const TypeFnC = EnumAttr("linalg", "type_fn", ["cast_signed", "cast_unsigned"]);
export const CAST_SIGNED = new DialectAttr("linalg", "type_fn", "cast_signed");
export const CAST_UNSIGNED = new DialectAttr("linalg", "type_fn", "cast_unsigned");

/** Discardable attribute upstream caches the maps of named ops in (printed in generic form). */
export const MEMOIZED_MAPS = "linalg.memoized_indexing_maps";
