import { KernelError } from "../types.js";
import type { NumberData } from "./nn-dtype.js";

/** Mean and population variance of src[b + window[r]] (two passes, float64). */
export function moments(src: NumberData, b: number, window: Int32Array): { mean: number; variance: number } {
  const n = window.length;
  let s = 0;
  for (let r = 0; r < n; r++) s += src[b + window[r]!]!;
  const mean = s / n;
  let v = 0;
  for (let r = 0; r < n; r++) {
    const d = src[b + window[r]!]! - mean;
    v += d * d;
  }
  return { mean, variance: v / n };
}

/** Per-channel parameter vector of length C (checked), as float64 values. */
export function channelParam(op: string, data: NumberData | undefined, C: number, name: string, def: number): Float64Array {
  const out = new Float64Array(C).fill(def);
  if (data === undefined) return out;
  if (data.length !== C) throw new KernelError(`${op}: ${name} has ${data.length} values, expected ${C}`);
  out.set(data);
  return out;
}
