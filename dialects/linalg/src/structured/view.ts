// The structured-op view (upstream's LinalgStructuredInterface): every linalg op that iterates a
// loop nest exposes its inputs, outputs, one indexing map per operand and its iterator kinds.
// Named ops compute their maps from operand ranks and attributes; linalg.generic stores them.
import type { AffineMap, Operation, Value } from "@zkmlir/core";
import type { IteratorKind } from "../attrs.js";

export interface StructuredView {
  readonly inputs: readonly Value[];
  readonly outputs: readonly Value[];
  /** One map per operand (inputs, then outputs), or a message saying why they cannot be formed. */
  readonly maps: readonly AffineMap[] | string;
  readonly iterators: readonly IteratorKind[];
  /** Operands that get a region block argument: all of them, or only the inputs (linalg.map). */
  readonly bodyArgs: "all" | "inputs";
}

const providers = new Map<string, (op: Operation) => StructuredView>();

/** Declares how to view ops named `name` as structured ops. */
export function registerStructured(name: string, view: (op: Operation) => StructuredView): void {
  providers.set(name, view);
}

export function isStructured(op: Operation): boolean {
  return providers.has(op.name);
}

/** The structured view of `op`; throws if `op` is not a structured linalg op. */
export function structuredView(op: Operation): StructuredView {
  const p = providers.get(op.name);
  if (!p) throw new Error(`'${op.name}' is not a structured linalg op`);
  return p(op);
}

/** The maps of a view whose maps are known to be valid (after verification). */
export function viewMaps(v: StructuredView, opName: string): readonly AffineMap[] {
  if (typeof v.maps === "string") throw new Error(`${opName}: ${v.maps}`);
  return v.maps;
}
