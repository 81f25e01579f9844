// Plain-TS vector kernels on 32-bit limb views (no BigInt per element). They are the reference
// the WebAssembly kernels are tested against, and the fallback backend.
// Preconditions (lengths, aliasing) are checked by the public wrappers in vec.ts.
import { addL, subL, mulL, normalize, rHi, rLo } from "./limbs.js";
import { extMulL, e0h, e0l, e1h, e1l, e2h, e2l } from "./ext-limbs.js";
import { inv } from "./goldilocks.js";
import { extInv } from "./ext3.js";
import { FieldError } from "./errors.js";
import type { FVec, EVec } from "./vec-types.js";

const TWO32n = 4294967296n;

export function limbs(v: FVec): Uint32Array {
  return new Uint32Array(v.buffer, v.byteOffset, v.length * 2);
}

export function tsAdd(out: FVec, a: FVec, b: FVec): void {
  const o = limbs(out), x = limbs(a), y = limbs(b);
  for (let i = 0; i < o.length; i += 2) {
    addL(x[i + 1]!, x[i]!, y[i + 1]!, y[i]!);
    o[i] = rLo;
    o[i + 1] = rHi;
  }
}

export function tsSub(out: FVec, a: FVec, b: FVec): void {
  const o = limbs(out), x = limbs(a), y = limbs(b);
  for (let i = 0; i < o.length; i += 2) {
    subL(x[i + 1]!, x[i]!, y[i + 1]!, y[i]!);
    o[i] = rLo;
    o[i + 1] = rHi;
  }
}

export function tsMul(out: FVec, a: FVec, b: FVec): void {
  const o = limbs(out), x = limbs(a), y = limbs(b);
  for (let i = 0; i < o.length; i += 2) {
    mulL(x[i + 1]!, x[i]!, y[i + 1]!, y[i]!);
    o[i] = rLo;
    o[i + 1] = rHi;
  }
}

export function tsScale(out: FVec, a: FVec, s: bigint): void {
  const o = limbs(out), x = limbs(a);
  const sh = Number(s >> 32n), sl = Number(s & 0xffffffffn);
  for (let i = 0; i < o.length; i += 2) {
    mulL(x[i + 1]!, x[i]!, sh, sl);
    o[i] = rLo;
    o[i + 1] = rHi;
  }
}

export function tsAddScalar(out: FVec, a: FVec, s: bigint): void {
  const o = limbs(out), x = limbs(a);
  const sh = Number(s >> 32n), sl = Number(s & 0xffffffffn);
  for (let i = 0; i < o.length; i += 2) {
    addL(x[i + 1]!, x[i]!, sh, sl);
    o[i] = rLo;
    o[i + 1] = rHi;
  }
}

/** Montgomery's trick: prefix products, one inversion, backward pass. Throws on a zero. */
export function tsBatchInverse(out: FVec, a: FVec): void {
  const n = a.length;
  if (n === 0) return;
  const x = limbs(a), o = limbs(out);
  const pre = new Uint32Array(2 * n); // pre[i] = a[0] * ... * a[i-1]
  let ah = 0, al = 1;
  for (let i = 0; i < n; i++) {
    pre[2 * i] = al;
    pre[2 * i + 1] = ah;
    normalize(x[2 * i + 1]!, x[2 * i]!);
    if (rHi === 0 && rLo === 0) throw new FieldError(`vBatchInverse: element at index ${i} is zero`);
    mulL(ah, al, rHi, rLo);
    ah = rHi;
    al = rLo;
  }
  const t = inv(BigInt(ah) * TWO32n + BigInt(al)); // 1 / (a[0] * ... * a[n-1])
  let th = Number(t >> 32n), tl = Number(t & 0xffffffffn);
  for (let i = n - 1; i >= 0; i--) {
    const xh = x[2 * i + 1]!, xl = x[2 * i]!; // read before writing: out may alias a
    mulL(th, tl, pre[2 * i + 1]!, pre[2 * i]!);
    o[2 * i] = rLo;
    o[2 * i + 1] = rHi;
    mulL(th, tl, xh, xl);
    th = rHi;
    tl = rLo;
  }
}

export function tsPowers(out: FVec, base: bigint): void {
  const o = limbs(out);
  const bh = Number(base >> 32n), bl = Number(base & 0xffffffffn);
  let h = 0, l = 1;
  for (let i = 0; i < o.length; i += 2) {
    o[i] = l;
    o[i + 1] = h;
    mulL(h, l, bh, bl);
    h = rHi;
    l = rLo;
  }
}

// ---- cubic extension vectors ----

export function tsEvAdd(out: EVec, a: EVec, b: EVec): void {
  tsAdd(out.c0, a.c0, b.c0);
  tsAdd(out.c1, a.c1, b.c1);
  tsAdd(out.c2, a.c2, b.c2);
}

export function tsEvSub(out: EVec, a: EVec, b: EVec): void {
  tsSub(out.c0, a.c0, b.c0);
  tsSub(out.c1, a.c1, b.c1);
  tsSub(out.c2, a.c2, b.c2);
}

export function tsEvMulBase(out: EVec, a: EVec, b: FVec): void {
  tsMul(out.c0, a.c0, b);
  tsMul(out.c1, a.c1, b);
  tsMul(out.c2, a.c2, b);
}

export function tsEvMul(out: EVec, a: EVec, b: EVec): void {
  const x0 = limbs(a.c0), x1 = limbs(a.c1), x2 = limbs(a.c2);
  const y0 = limbs(b.c0), y1 = limbs(b.c1), y2 = limbs(b.c2);
  const o0 = limbs(out.c0), o1 = limbs(out.c1), o2 = limbs(out.c2);
  for (let i = 0; i < o0.length; i += 2) {
    const j = i + 1;
    extMulL(x0[j]!, x0[i]!, x1[j]!, x1[i]!, x2[j]!, x2[i]!, y0[j]!, y0[i]!, y1[j]!, y1[i]!, y2[j]!, y2[i]!);
    o0[i] = e0l; o0[j] = e0h; o1[i] = e1l; o1[j] = e1h; o2[i] = e2l; o2[j] = e2h;
  }
}

function split(s: bigint): [number, number] {
  return [Number(s >> 32n), Number(s & 0xffffffffn)];
}

export function tsEvScale(out: EVec, a: EVec, s: readonly [bigint, bigint, bigint]): void {
  const [s0h, s0l] = split(s[0]), [s1h, s1l] = split(s[1]), [s2h, s2l] = split(s[2]);
  const x0 = limbs(a.c0), x1 = limbs(a.c1), x2 = limbs(a.c2);
  const o0 = limbs(out.c0), o1 = limbs(out.c1), o2 = limbs(out.c2);
  for (let i = 0; i < o0.length; i += 2) {
    const j = i + 1;
    extMulL(x0[j]!, x0[i]!, x1[j]!, x1[i]!, x2[j]!, x2[i]!, s0h, s0l, s1h, s1l, s2h, s2l);
    o0[i] = e0l; o0[j] = e0h; o1[i] = e1l; o1[j] = e1h; o2[i] = e2l; o2[j] = e2h;
  }
}

/** Montgomery's trick over the extension; the single inversion uses the bigint extInv. */
export function tsEvBatchInverse(out: EVec, a: EVec): void {
  const n = a.c0.length;
  if (n === 0) return;
  const x0 = limbs(a.c0), x1 = limbs(a.c1), x2 = limbs(a.c2);
  const o0 = limbs(out.c0), o1 = limbs(out.c1), o2 = limbs(out.c2);
  const pre = new Uint32Array(6 * n);
  let p0h = 0, p0l = 1, p1h = 0, p1l = 0, p2h = 0, p2l = 0;
  for (let i = 0; i < n; i++) {
    const k = 6 * i, l = 2 * i, h = l + 1;
    pre[k] = p0l; pre[k + 1] = p0h; pre[k + 2] = p1l; pre[k + 3] = p1h; pre[k + 4] = p2l; pre[k + 5] = p2h;
    normalize(x0[h]!, x0[l]!); let z = rHi === 0 && rLo === 0;
    normalize(x1[h]!, x1[l]!); z = z && rHi === 0 && rLo === 0;
    normalize(x2[h]!, x2[l]!); z = z && rHi === 0 && rLo === 0;
    if (z) throw new FieldError(`evBatchInverse: element at index ${i} is zero`);
    extMulL(p0h, p0l, p1h, p1l, p2h, p2l, x0[h]!, x0[l]!, x1[h]!, x1[l]!, x2[h]!, x2[l]!);
    p0h = e0h; p0l = e0l; p1h = e1h; p1l = e1l; p2h = e2h; p2l = e2l;
  }
  const join = (h: number, l: number): bigint => BigInt(h) * TWO32n + BigInt(l);
  const t = extInv([join(p0h, p0l), join(p1h, p1l), join(p2h, p2l)]);
  let [t0h, t0l] = split(t[0]), [t1h, t1l] = split(t[1]), [t2h, t2l] = split(t[2]);
  for (let i = n - 1; i >= 0; i--) {
    const k = 6 * i, l = 2 * i, h = l + 1;
    const a0h = x0[h]!, a0l = x0[l]!, a1h = x1[h]!, a1l = x1[l]!, a2h = x2[h]!, a2l = x2[l]!;
    extMulL(t0h, t0l, t1h, t1l, t2h, t2l, pre[k + 1]!, pre[k]!, pre[k + 3]!, pre[k + 2]!, pre[k + 5]!, pre[k + 4]!);
    o0[l] = e0l; o0[h] = e0h; o1[l] = e1l; o1[h] = e1h; o2[l] = e2l; o2[h] = e2h;
    extMulL(t0h, t0l, t1h, t1l, t2h, t2l, a0h, a0l, a1h, a1l, a2h, a2l);
    t0h = e0h; t0l = e0l; t1h = e1h; t1l = e1l; t2h = e2h; t2l = e2l;
  }
}

export function tsEvLinComb(out: EVec, cols: readonly FVec[], coeffs: readonly (readonly [bigint, bigint, bigint])[]): void {
  const n = out.c0.length;
  const acc = { c0: new BigUint64Array(n), c1: new BigUint64Array(n), c2: new BigUint64Array(n) };
  const tmp = new BigUint64Array(n);
  cols.forEach((col, j) => {
    const s = coeffs[j]!;
    for (const k of [0, 1, 2] as const) {
      const dst = k === 0 ? acc.c0 : k === 1 ? acc.c1 : acc.c2;
      tsScale(tmp, col, s[k]);
      tsAdd(dst, dst, tmp);
    }
  });
  out.c0.set(acc.c0);
  out.c1.set(acc.c1);
  out.c2.set(acc.c2);
}
