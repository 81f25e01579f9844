// The innermost loop for any body over linear accesses: reads each argument, calls the compiled
// body (or copies yielded arguments), writes the results; offsets advance by the loop's strides.
// A copy between tensors of the same dtype moves the stored element as is.
import type { TypedData } from "@zkmlir/core";
import type { Reader, Writer } from "./element-io.js";
import { rows, type InnerLoop } from "./linear-nest.js";

export interface InnerOperands {
  readonly datas: readonly (TypedData | undefined)[];
  readonly readers: readonly (Reader | undefined)[];
  readonly writers: readonly Writer[];
  readonly vals: unknown[];
  readonly nIn: number;
  readonly argCount: number;
}

/** `loopIdx`: the loop indices linalg.index reads; the innermost one is set before each call. */
export function bodyInner(p: InnerOperands, body: (args: unknown[]) => readonly unknown[], loopIdx?: number[]): InnerLoop {
  const { datas, readers, writers, vals, nIn, argCount } = p;
  const nOut = writers.length, m = datas.length;
  const cur = new Float64Array(m);
  const last = loopIdx ? loopIdx.length - 1 : -1;
  return rows((off, n, st) => {
    cur.set(off);
    for (let t = 0; t < n; t++) {
      for (let i = 0; i < argCount; i++) {
        const r = readers[i];
        if (r) vals[i] = r(datas[i]!, cur[i]!);
      }
      if (last >= 0) loopIdx![last] = t;
      const res = body(vals);
      for (let j = 0; j < nOut; j++) writers[j]!(datas[nIn + j]!, cur[nIn + j]!, res[j]);
      for (let o = 0; o < m; o++) cur[o] = cur[o]! + st[o]!;
    }
  });
}

/** Output j = argument copies[j]; a same-dtype tensor source is copied without conversion. */
export function copyInner(p: InnerOperands, copies: readonly number[], sameDtype: readonly boolean[]): InnerLoop {
  const { datas, nIn } = p;
  if (copies.length === 1 && sameDtype[0] && datas[copies[0]!]) {
    const S = datas[copies[0]!]! as Float64Array, D = datas[nIn]! as Float64Array, s = copies[0]!;
    return rows((off, n, st) => {
      let ps = off[s]!, pd = off[nIn]!;
      const ss = st[s]!, sd = st[nIn]!;
      for (let t = 0; t < n; t++, ps += ss, pd += sd) D[pd] = S[ps]!;
    });
  }
  const res = new Array<unknown>(copies.length);
  return bodyInner(p, (vals) => {
    for (let j = 0; j < copies.length; j++) res[j] = vals[copies[j]!];
    return res;
  });
}
