// Cubic-extension product on 32-bit limbs (see limbs.ts); results in the e* registers.
import { addL, mulL, rHi, rLo } from "./limbs.js";
import { EXT_W } from "./ext3.js";

const W = Number(EXT_W);

// Scratch registers for one extension product (hi/lo of each coefficient).
export let e0h = 0, e0l = 0, e1h = 0, e1l = 0, e2h = 0, e2l = 0;

/** (a0,a1,a2) * (b0,b1,b2) into e*: c0 = a0b0 + W(a1b2 + a2b1), c1 = a0b1 + a1b0 + W a2b2,
 * c2 = a0b2 + a1b1 + a2b0. */
export function extMulL(
  a0h: number, a0l: number, a1h: number, a1l: number, a2h: number, a2l: number,
  b0h: number, b0l: number, b1h: number, b1l: number, b2h: number, b2l: number,
): void {
  mulL(a1h, a1l, b2h, b2l); let th = rHi, tl = rLo;
  mulL(a2h, a2l, b1h, b1l); addL(th, tl, rHi, rLo); mulL(rHi, rLo, 0, W); th = rHi; tl = rLo;
  mulL(a0h, a0l, b0h, b0l); addL(th, tl, rHi, rLo); const c0h = rHi, c0l = rLo;
  mulL(a2h, a2l, b2h, b2l); mulL(rHi, rLo, 0, W); th = rHi; tl = rLo;
  mulL(a0h, a0l, b1h, b1l); addL(th, tl, rHi, rLo); th = rHi; tl = rLo;
  mulL(a1h, a1l, b0h, b0l); addL(th, tl, rHi, rLo); const c1h = rHi, c1l = rLo;
  mulL(a0h, a0l, b2h, b2l); th = rHi; tl = rLo;
  mulL(a1h, a1l, b1h, b1l); addL(th, tl, rHi, rLo); th = rHi; tl = rLo;
  mulL(a2h, a2l, b0h, b0l); addL(th, tl, rHi, rLo);
  e0h = c0h; e0l = c0l; e1h = c1h; e1l = c1l; e2h = rHi; e2l = rLo;
}

