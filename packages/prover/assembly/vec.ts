// Element-wise vector kernels over u64 arrays in linear memory (pointers and lengths from JS).
import { add, sub, mul, canon, inv } from "./goldilocks";
import { extMul, r0, r1, r2 } from "./ext3";

export function vAdd(out: usize, a: usize, b: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    store<u64>(out + k, add(load<u64>(a + k), load<u64>(b + k)));
  }
}

export function vSub(out: usize, a: usize, b: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    store<u64>(out + k, sub(load<u64>(a + k), load<u64>(b + k)));
  }
}

export function vMul(out: usize, a: usize, b: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    store<u64>(out + k, mul(load<u64>(a + k), load<u64>(b + k)));
  }
}

export function vScale(out: usize, a: usize, s: u64, n: i32): void {
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    store<u64>(out + k, mul(load<u64>(a + k), s));
  }
}

export function vAddScalar(out: usize, a: usize, s: u64, n: i32): void {
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    store<u64>(out + k, add(load<u64>(a + k), s));
  }
}

export function vPowers(out: usize, base: u64, n: i32): void {
  let x: u64 = 1;
  for (let i = 0; i < n; i++) {
    store<u64>(out + (<usize>i << 3), x);
    x = mul(x, base);
  }
}

/** Montgomery's trick; `pre` is n words of scratch. Returns the index of the first zero, or -1. */
export function vBatchInverse(out: usize, a: usize, pre: usize, n: i32): i32 {
  let acc: u64 = 1;
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    const x = canon(load<u64>(a + k));
    if (x == 0) return i;
    store<u64>(pre + k, acc);
    acc = mul(acc, x);
  }
  let t = inv(acc);
  for (let i = n - 1; i >= 0; i--) {
    const k = <usize>i << 3;
    const x = load<u64>(a + k);
    store<u64>(out + k, mul(t, load<u64>(pre + k)));
    t = mul(t, x);
  }
  return -1;
}

export function evMul(o0: usize, o1: usize, o2: usize, a0: usize, a1: usize, a2: usize,
                      b0: usize, b1: usize, b2: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    extMul(load<u64>(a0 + k), load<u64>(a1 + k), load<u64>(a2 + k), load<u64>(b0 + k), load<u64>(b1 + k), load<u64>(b2 + k));
    store<u64>(o0 + k, r0);
    store<u64>(o1 + k, r1);
    store<u64>(o2 + k, r2);
  }
}

export function evScale(o0: usize, o1: usize, o2: usize, a0: usize, a1: usize, a2: usize,
                        s0: u64, s1: u64, s2: u64, n: i32): void {
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    extMul(load<u64>(a0 + k), load<u64>(a1 + k), load<u64>(a2 + k), s0, s1, s2);
    store<u64>(o0 + k, r0);
    store<u64>(o1 + k, r1);
    store<u64>(o2 + k, r2);
  }
}

/** Extension Montgomery trick; `pre` is 3n words of scratch. Returns the first zero's index or -1. */
export function evBatchInverse(o0: usize, o1: usize, o2: usize, a0: usize, a1: usize, a2: usize,
                               pre: usize, n: i32): i32 {
  let p0: u64 = 1, p1: u64 = 0, p2: u64 = 0;
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    const x0 = canon(load<u64>(a0 + k)), x1 = canon(load<u64>(a1 + k)), x2 = canon(load<u64>(a2 + k));
    if ((x0 | x1 | x2) == 0) return i;
    const q = pre + <usize>i * 24;
    store<u64>(q, p0);
    store<u64>(q + 8, p1);
    store<u64>(q + 16, p2);
    extMul(p0, p1, p2, x0, x1, x2);
    p0 = r0; p1 = r1; p2 = r2;
  }
  // Inverse of the product via the adjugate: t = (p0^2 - W p1 p2, W p2^2 - p0 p1, p1^2 - p0 p2), N = p * t.
  const W: u64 = 7;
  const t0 = sub(mul(p0, p0), mul(W, mul(p1, p2)));
  const t1 = sub(mul(W, mul(p2, p2)), mul(p0, p1));
  const t2 = sub(mul(p1, p1), mul(p0, p2));
  const nInv = inv(add(mul(p0, t0), mul(W, add(mul(p1, t2), mul(p2, t1)))));
  let i0 = mul(t0, nInv), i1 = mul(t1, nInv), i2 = mul(t2, nInv);
  for (let i = n - 1; i >= 0; i--) {
    const k = <usize>i << 3;
    const x0 = load<u64>(a0 + k), x1 = load<u64>(a1 + k), x2 = load<u64>(a2 + k);
    const q = pre + <usize>i * 24;
    extMul(i0, i1, i2, load<u64>(q), load<u64>(q + 8), load<u64>(q + 16));
    store<u64>(o0 + k, r0);
    store<u64>(o1 + k, r1);
    store<u64>(o2 + k, r2);
    extMul(i0, i1, i2, x0, x1, x2);
    i0 = r0; i1 = r1; i2 = r2;
  }
  return -1;
}

/** acc += s * col for an extension scalar s and a base column: the linear-combination step. */
export function evAxpyBase(o0: usize, o1: usize, o2: usize, col: usize, s0: u64, s1: u64, s2: u64, n: i32): void {
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    const c = load<u64>(col + k);
    store<u64>(o0 + k, add(load<u64>(o0 + k), mul(c, s0)));
    store<u64>(o1 + k, add(load<u64>(o1 + k), mul(c, s1)));
    store<u64>(o2 + k, add(load<u64>(o2 + k), mul(c, s2)));
  }
}
