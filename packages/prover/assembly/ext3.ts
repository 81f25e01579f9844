// Cubic extension F_p[x]/(x^3 - 7) products for the WebAssembly kernels; results in r0, r1, r2.
import { add, mul } from "./goldilocks";

const W: u64 = 7;

export let r0: u64 = 0;
export let r1: u64 = 0;
export let r2: u64 = 0;

/** c0 = a0b0 + W(a1b2 + a2b1), c1 = a0b1 + a1b0 + W a2b2, c2 = a0b2 + a1b1 + a2b0. */
@inline export function extMul(a0: u64, a1: u64, a2: u64, b0: u64, b1: u64, b2: u64): void {
  const c0 = add(mul(a0, b0), mul(W, add(mul(a1, b2), mul(a2, b1))));
  const c1 = add(add(mul(a0, b1), mul(a1, b0)), mul(W, mul(a2, b2)));
  const c2 = add(add(mul(a0, b2), mul(a1, b1)), mul(a2, b0));
  r0 = c0;
  r1 = c1;
  r2 = c2;
}
