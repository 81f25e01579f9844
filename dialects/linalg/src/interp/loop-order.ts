// For reduction bodies (multiply-accumulate, max, sum) the loops may be reordered so the output's
// two fastest-moving loops run innermost (contiguous, long inner loops) as long as every output
// element still receives its updates in the original order: the output map must be a projected
// permutation (distinct plain loops, so distinct parallel points write distinct elements and the
// other loops do not move the output), and the remaining loops keep their relative order. Results
// are bit-identical; only the interleaving of independent elements changes.
import type { AffineMap } from "@zkmlir/core";
import type { SplitAccess } from "./split-access.js";

export interface Reordered { readonly bounds: number[]; readonly access: SplitAccess[] }

export function outputInnermost(outMap: AffineMap, bounds: readonly number[], access: readonly SplitAccess[]): Reordered | undefined {
  if (access.some((a) => a.extra)) return undefined;
  const dims: number[] = [];
  for (const e of outMap.results) {
    if (e.kind !== "dim" || dims.includes(e.pos)) return undefined;
    dims.push(e.pos);
  }
  const out = access[access.length - 1]!.stride;
  const moving = dims.filter((k) => bounds[k]! > 1).sort((a, b) => out[a]! - out[b]!).slice(0, 2);
  if (!moving.length) return undefined;
  const order = [...bounds.keys()].filter((k) => !moving.includes(k)).concat([...moving].sort((a, b) => a - b));
  if (order.every((k, i) => k === i)) return undefined;
  return {
    bounds: order.map((k) => bounds[k]!),
    access: access.map((a) => ({ base: a.base, stride: order.map((k) => a.stride[k]!) })),
  };
}
