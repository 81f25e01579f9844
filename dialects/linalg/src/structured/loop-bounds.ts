// Loop sizes of a structured op, read off the operand dimensions indexed by a lone loop dim
// (upstream's shapesToLoopsMap for the projected-permutation part). Used by the verifier on
// static shapes and by the interpreter on runtime shapes.
import { DYNAMIC, type AffineMap } from "@zkmlir/core";

export interface LoopBounds {
  /** Size of each loop, undefined when no static operand dimension fixes it. */
  readonly bounds: (number | undefined)[];
  /** Where each bound came from: [operand, dimension]. */
  readonly source: ([number, number] | undefined)[];
}

/** Infers loop sizes; returns a message on the first conflict. */
export function inferLoopBounds(maps: readonly AffineMap[], shapes: readonly (readonly number[])[], nLoops: number): LoopBounds | string {
  const bounds: (number | undefined)[] = new Array(nLoops).fill(undefined);
  const source: ([number, number] | undefined)[] = new Array(nLoops).fill(undefined);
  for (let i = 0; i < maps.length; i++) {
    const m = maps[i]!, shape = shapes[i]!;
    for (let j = 0; j < m.results.length; j++) {
      const e = m.results[j]!;
      const s = shape[j];
      if (e.kind !== "dim" || s === undefined || s === DYNAMIC) continue;
      const b = bounds[e.pos];
      if (b === undefined) {
        bounds[e.pos] = s;
        source[e.pos] = [i, j];
      } else if (b !== s) {
        const [si, sj] = source[e.pos]!;
        return `operand #${i} dimension ${j} has size ${s} but loop dimension d${e.pos} has size ${b} (from operand #${si} dimension ${sj})`;
      }
    }
  }
  return { bounds, source };
}
