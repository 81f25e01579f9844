// Sequential and fused extension kernels: exclusive prefix products / sums (permutation grand
// product, logUp running sums) and out += s * a (quotient accumulation). The running value of a
// scan lives in 3 words at `acc`: read as the start value, overwritten with the final one, so
// JS can run a long vector block by block.
import { add, mul } from "./goldilocks";
import { extMul, r0, r1, r2 } from "./ext3";

/** out[i] = acc * a[0] * ... * a[i-1]; acc <- acc * (product of all). out may alias a. */
export function evPrefixProduct(o0: usize, o1: usize, o2: usize, a0: usize, a1: usize, a2: usize, n: i32, acc: usize): void {
  let p0 = load<u64>(acc), p1 = load<u64>(acc + 8), p2 = load<u64>(acc + 16);
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    const x0 = load<u64>(a0 + k), x1 = load<u64>(a1 + k), x2 = load<u64>(a2 + k);
    store<u64>(o0 + k, p0);
    store<u64>(o1 + k, p1);
    store<u64>(o2 + k, p2);
    extMul(p0, p1, p2, x0, x1, x2);
    p0 = r0; p1 = r1; p2 = r2;
  }
  store<u64>(acc, p0);
  store<u64>(acc + 8, p1);
  store<u64>(acc + 16, p2);
}

/** out[i] = acc + a[0] + ... + a[i-1] componentwise; acc <- acc + (sum of all). out may alias a. */
export function evPrefixSum(o0: usize, o1: usize, o2: usize, a0: usize, a1: usize, a2: usize, n: i32, acc: usize): void {
  let s0 = load<u64>(acc), s1 = load<u64>(acc + 8), s2 = load<u64>(acc + 16);
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    const x0 = load<u64>(a0 + k), x1 = load<u64>(a1 + k), x2 = load<u64>(a2 + k);
    store<u64>(o0 + k, s0);
    store<u64>(o1 + k, s1);
    store<u64>(o2 + k, s2);
    s0 = add(s0, x0); s1 = add(s1, x1); s2 = add(s2, x2);
  }
  store<u64>(acc, s0);
  store<u64>(acc + 8, s1);
  store<u64>(acc + 16, s2);
}

/** out += s * a for extension vectors and an extension scalar. */
export function evAxpy(o0: usize, o1: usize, o2: usize, a0: usize, a1: usize, a2: usize, s0: u64, s1: u64, s2: u64, n: i32): void {
  for (let i = 0; i < n; i++) {
    const k = <usize>i << 3;
    extMul(load<u64>(a0 + k), load<u64>(a1 + k), load<u64>(a2 + k), s0, s1, s2);
    store<u64>(o0 + k, add(load<u64>(o0 + k), r0));
    store<u64>(o1 + k, add(load<u64>(o1 + k), r1));
    store<u64>(o2 + k, add(load<u64>(o2 + k), r2));
  }
}
