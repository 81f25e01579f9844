// The loop nest for the common case: every operand addressed by a linear map (or a scalar).
// Loops of size 1 are dropped and adjacent loops merged when every operand walks them as one
// (stride[k] = stride[k+1] * bounds[k+1]); the points are still visited in row-major order, so
// results are unchanged. The innermost loop is handed to `inner` with its length and per-operand
// strides, which runs it as a tight loop over typed arrays.

/** Runs the innermost loop: `count` points from offsets `off`, operand `o` advancing by `step[o]`. */
export type InnerLoop = (off: Float64Array, count: number, step: Float64Array) => void;

export interface CoalescedNest { readonly bounds: number[]; readonly strides: number[][] }

/** The equivalent nest with unit loops dropped and contiguous loops merged (strides per operand). */
export function coalesce(bounds: readonly number[], strides: readonly (readonly number[])[]): CoalescedNest {
  const keep = bounds.map((_, k) => k).filter((k) => bounds[k] !== 1);
  const b: number[] = [];
  const s: number[][] = strides.map(() => []);
  for (const k of keep) {
    const last = b.length - 1;
    const merges = last >= 0 && strides.every((st, o) => s[o]![last] === st[k]! * bounds[k]!);
    if (merges) {
      b[last] = b[last]! * bounds[k]!;
      strides.forEach((st, o) => { s[o]![last] = st[k]!; });
    } else {
      b.push(bounds[k]!);
      strides.forEach((st, o) => s[o]!.push(st[k]!));
    }
  }
  return { bounds: b, strides: s };
}

export function runLinearNest(bounds: readonly number[], bases: readonly number[], strides: readonly (readonly number[])[], inner: InnerLoop): void {
  if (bounds.some((b) => b === 0)) return;
  const nest = coalesce(bounds, strides);
  const m = bases.length;
  const off = Float64Array.from(bases);
  const n = nest.bounds.length;
  if (n === 0) { inner(off, 1, new Float64Array(m)); return; }
  const count = nest.bounds[n - 1]!;
  const step = Float64Array.from(nest.strides, (s) => s[n - 1]!);
  const outer = n - 1;
  const idx = new Array<number>(outer).fill(0);
  for (;;) {
    inner(off, count, step);
    let k = outer - 1;
    for (; k >= 0; k--) {
      const s = nest.strides;
      if (++idx[k]! < nest.bounds[k]!) {
        for (let o = 0; o < m; o++) off[o] = off[o]! + s[o]![k]!;
        break;
      }
      idx[k] = 0;
      for (let o = 0; o < m; o++) off[o] = off[o]! - s[o]![k]! * (nest.bounds[k]! - 1);
    }
    if (k < 0) return;
  }
}
