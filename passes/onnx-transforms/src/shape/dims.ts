// Shapes as shape functions see them: a list of dims where -1 (DYNAMIC) is unknown, or undefined
// for an unknown rank. Helpers that keep unknown dims unknown instead of guessing.
import { DYNAMIC } from "@zkmlir/core";

/** A shape with possibly unknown (-1) dims; undefined = unknown rank. */
export type Shape = readonly number[] | undefined;

export const isKnown = (d: number): boolean => d !== DYNAMIC;

/** Product of dims, or -1 if any is unknown. */
export function product(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) {
    if (!isKnown(d)) return DYNAMIC;
    n *= d;
  }
  return n;
}

/** `n` unknown dims. */
export const unknownDims = (n: number): number[] => new Array<number>(n).fill(DYNAMIC);

/**
 * Multidirectional (numpy) broadcast of shapes; an unknown dim against 1 stays unknown, against
 * n > 1 becomes n. Throws a message string on a definite conflict.
 */
export function broadcast(shapes: readonly Shape[], where: string): Shape {
  if (shapes.some((s) => s === undefined)) return undefined;
  const ss = shapes as readonly (readonly number[])[];
  const rank = Math.max(0, ...ss.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    let d = 1;
    let unknown = false;
    for (const s of ss) {
      const k = s.length - rank + i;
      if (k < 0) continue;
      const x = s[k]!;
      if (!isKnown(x)) { unknown = true; continue; }
      if (x === 1) continue;
      if (d !== 1 && d !== x) throw new Error(`${where}: shapes ${ss.map(fmt).join(", ")} do not broadcast (dim ${i}: ${d} vs ${x})`);
      d = x;
    }
    out.push(unknown && d === 1 ? DYNAMIC : d);
  }
  return out;
}

/** Axis `a` of a rank-`rank` tensor in [0, rank); throws a message on out of range. */
export function normAxis(a: number, rank: number, where: string): number {
  if (a < -rank || a >= rank) throw new Error(`${where}: axis ${a} is out of range for rank ${rank}`);
  return a < 0 ? a + rank : a;
}

/** `[2, ?, 3]` for messages. */
export function fmt(s: Shape): string {
  return s ? `[${s.map((d) => (isKnown(d) ? String(d) : "?")).join(", ")}]` : "[*]";
}
