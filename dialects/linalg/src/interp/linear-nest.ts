// The loop nest for the common case: every operand addressed by a linear map (or a scalar), or
// by a split map whose non-linear part is recomputed when one of its loops moves. Loops of size 1
// are dropped and adjacent loops merged when every operand walks them as one
// (stride[k] = stride[k+1] * bounds[k+1]; a NaN stride, a non-linear loop, never merges); the
// points are still visited in row-major order, so results are unchanged. The innermost loop is
// handed to `inner` with its length and per-operand strides, which runs it as a tight loop.
import type { SplitAccess } from "./split-access.js";

/**
 * Runs the two innermost loops: `count2` rows (operand `o` advancing by `step2[o]`) of `count`
 * points (advancing by `step[o]`), from offsets `off` (read only).
 */
export type InnerLoop = (off: Float64Array, count: number, step: Float64Array, count2: number, step2: Float64Array) => void;

/** The two-loop form of a one-loop runner (for bodies that gain nothing from seeing both loops). */
export function rows(single: (off: Float64Array, count: number, step: Float64Array) => void): InnerLoop {
  let cur = new Float64Array(0);
  return (off, n, st, n2, st2) => {
    if (n2 === 1) { single(off, n, st); return; }
    if (cur.length !== off.length) cur = new Float64Array(off.length);
    cur.set(off);
    for (let u = 0; u < n2; u++) {
      single(cur, n, st);
      for (let o = 0; o < cur.length; o++) cur[o] = cur[o]! + st2[o]!;
    }
  };
}

export interface CoalescedNest {
  readonly bounds: number[];
  readonly strides: number[][];
  /** The original loop of each kept loop that was not merged (merged ones: -1). */
  readonly origin: number[];
}

/** The equivalent nest with unit loops dropped and contiguous loops merged (strides per operand). */
export function coalesce(bounds: readonly number[], strides: readonly (readonly number[])[]): CoalescedNest {
  const b: number[] = [];
  const s: number[][] = strides.map(() => []);
  const origin: number[] = [];
  for (let k = 0; k < bounds.length; k++) {
    if (bounds[k] === 1) continue;
    const last = b.length - 1;
    if (last >= 0 && strides.every((st, o) => s[o]![last] === st[k]! * bounds[k]!)) {
      b[last] = b[last]! * bounds[k]!;
      strides.forEach((st, o) => { s[o]![last] = st[k]!; });
      origin[last] = -1;
    } else {
      b.push(bounds[k]!);
      strides.forEach((st, o) => s[o]!.push(st[k]!));
      origin.push(k);
    }
  }
  return { bounds: b, strides: s, origin };
}

/** Runs the nest; false (nothing run) when the innermost loop is non-linear for some operand. */
/**
 * With `loopIdx` (the body reads linalg.index), loops are kept as they are and the outer loops'
 * indices are kept current in `loopIdx`; the inner runner sets the innermost one.
 */
export function runLinearNest(bounds: readonly number[], access: readonly SplitAccess[], inner: InnerLoop, loopIdx?: number[]): boolean {
  if (bounds.some((b) => b === 0)) return true;
  const nest = loopIdx ? { bounds: [...bounds], strides: access.map((a) => [...a.stride]), origin: bounds.map((_, k) => k) } : coalesce(bounds, access.map((a) => a.stride));
  loopIdx?.fill(0);
  const m = access.length;
  const n = nest.bounds.length;
  const lin = Float64Array.from(access, (a) => a.base);
  const full = new Array<number>(bounds.length).fill(0);
  const split = access.map((a, o) => (a.extra ? o : -1)).filter((o) => o >= 0);
  const ext = new Float64Array(m);
  const off = new Float64Array(m);
  for (const o of split) ext[o] = access[o]!.extra!(full);
  for (let o = 0; o < m; o++) off[o] = lin[o]! + ext[o]!;
  const zero = new Float64Array(m);
  if (n === 0) { inner(off, 1, zero, 1, zero); return true; }
  const count = nest.bounds[n - 1]!;
  const step = Float64Array.from(nest.strides, (s) => s[n - 1]!);
  if (step.some((s) => Number.isNaN(s))) return false;
  // The loop above the innermost goes to `inner` too when it is linear for every operand.
  const two = !loopIdx && n >= 2 && nest.strides.every((st) => !Number.isNaN(st[n - 2]!));
  const count2 = two ? nest.bounds[n - 2]! : 1;
  const step2 = two ? Float64Array.from(nest.strides, (s) => s[n - 2]!) : zero;
  // Linear moves per loop (a non-linear loop's NaN counts as 0: `extra` holds its part).
  const s = nest.strides.map((st) => st.map((x) => (Number.isNaN(x) ? 0 : x)));
  const nonLinear = nest.origin.map((_, k) => nest.strides.some((st) => Number.isNaN(st[k]!)));
  const outer = two ? n - 2 : n - 1;
  const idx = loopIdx ?? new Array<number>(outer).fill(0);
  for (;;) {
    inner(off, count, step, count2, step2);
    let k = outer - 1;
    let moved = false;
    for (; k >= 0; k--) {
      if (nonLinear[k]) moved = true;
      if (++idx[k]! < nest.bounds[k]!) {
        for (let o = 0; o < m; o++) lin[o] = lin[o]! + s[o]![k]!;
        if (nonLinear[k]) full[nest.origin[k]!] = idx[k]!;
        break;
      }
      idx[k] = 0;
      if (nonLinear[k]) full[nest.origin[k]!] = 0;
      for (let o = 0; o < m; o++) lin[o] = lin[o]! - s[o]![k]! * (nest.bounds[k]! - 1);
    }
    if (k < 0) return true;
    if (moved) for (const o of split) ext[o] = access[o]!.extra!(full);
    for (let o = 0; o < m; o++) off[o] = lin[o]! + ext[o]!;
  }
}
