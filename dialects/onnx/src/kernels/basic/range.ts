import { Tensor } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { checkDtype, input, scalarOf } from "../util/basic-tensor.js";

const MAX_RANGE = 2 ** 31 - 1;

/** Range: start + i*delta for i < max(ceil((limit-start)/delta), 0). i64 steps exactly on BigInt. */
function range(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const s = input(inputs, 0, "Range", "start"), l = input(inputs, 1, "Range", "limit"), d = input(inputs, 2, "Range", "delta");
  for (const [t, name] of [[s, "start"], [l, "limit"], [d, "delta"]] as const) {
    checkDtype(t, ["f32", "f64", "i16", "i32", "i64"], "Range", name);
    scalarOf(t, "Range", name);
    if (t.dtype !== s.dtype) throw new KernelError(`Range: input '${name}' has type ${t.dtype}, start has ${s.dtype}`);
  }
  if (s.dtype === "i64") {
    const a = (s.data as BigInt64Array)[0]!, b = (l.data as BigInt64Array)[0]!, st = (d.data as BigInt64Array)[0]!;
    if (st === 0n) throw new KernelError("Range: delta must be nonzero");
    const span = b - a;
    // ceil division on BigInt (which truncates toward zero).
    let n = span / st;
    if (n * st !== span && (span > 0n) === (st > 0n)) n += 1n;
    if (n < 0n) n = 0n;
    if (n > BigInt(MAX_RANGE)) throw new KernelError(`Range: ${n} elements is too many`);
    const out = new Tensor("i64", [Number(n)]);
    const o = out.data as BigInt64Array;
    for (let i = 0; i < o.length; i++) o[i] = a + BigInt(i) * st;
    return [out];
  }
  const a = s.getNumber(0), b = l.getNumber(0), st = d.getNumber(0);
  if (st === 0) throw new KernelError("Range: delta must be nonzero");
  const n = Math.max(Math.ceil((b - a) / st), 0);
  if (!Number.isFinite(n) || n > MAX_RANGE) throw new KernelError(`Range: ${n} elements is too many`);
  const out = new Tensor(s.dtype, [n]);
  const o = out.data as Float64Array;
  for (let i = 0; i < n; i++) o[i] = a + i * st;
  return [out];
}

export const RANGE_KERNELS: Record<string, Kernel> = { Range: range };
