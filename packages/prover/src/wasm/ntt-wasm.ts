// NttKernels backed by the WebAssembly module.
import type { NttKernels } from "../ntt/backend.js";
import type { FVec, EVec } from "../field/vec-types.js";
import type { Ext } from "../field/ext3.js";
import { rootOfUnity } from "../field/goldilocks.js";
import type { KernelExports } from "./instance.js";
import type { WasmArena } from "./arena.js";

const log2 = (n: number): number => 31 - Math.clz32(n);

export function makeWasmNttKernels(ex: KernelExports, arena: WasmArena): NttKernels {
  return {
    name: "wasm",
    ntt(v: FVec): void {
      const logN = log2(v.length);
      const tw = arena.twiddles(logN, rootOfUnity);
      arena.reset();
      const p = arena.copyIn(v);
      ex.ntt(p, logN, tw);
      arena.copyOut(p, v);
    },
    scaleByPowers(v: FVec, shift: bigint): void {
      arena.reset();
      const p = arena.copyIn(v);
      ex.scaleByPowers(p, v.length, shift);
      arena.copyOut(p, v);
    },
    lde(coeffs: FVec, logBlowup: number, shift: bigint, into?: FVec): FVec {
      const logN = log2(coeffs.length);
      const tw = arena.twiddles(logN, rootOfUnity);
      arena.reset();
      const pc = arena.copyIn(coeffs), tmp = arena.alloc(coeffs.length);
      const out = arena.alloc(coeffs.length << logBlowup);
      ex.ldeCosets(pc, logN, logBlowup, shift, rootOfUnity(logN + logBlowup), tmp, out, tw);
      const result = arena.view(out, coeffs.length << logBlowup);
      if (into === undefined) return result.slice();
      into.set(result);
      return into;
    },
    evalPolyExt(coeffs: FVec, x: Ext): Ext {
      arena.reset();
      const p = arena.copyIn(coeffs), out = arena.alloc(3);
      ex.evalPolyExt(p, coeffs.length, x[0], x[1], x[2], out);
      const r = arena.view(out, 3);
      return [r[0]!, r[1]!, r[2]!];
    },
    evalPolysExt(polys: readonly FVec[], x: Ext): Ext[] {
      // Powers of x once, then one dot product (3 base muls per coefficient) per polynomial.
      const n = Math.max(0, ...polys.map((c) => c.length));
      arena.reset();
      const pw = arena.alloc(3 * n), coeffs = arena.alloc(n), out = arena.alloc(3);
      ex.extPowers(pw, pw + 8 * n, pw + 16 * n, n, x[0], x[1], x[2]);
      return polys.map((c) => {
        arena.view(coeffs, c.length).set(c);
        ex.dotExt(coeffs, pw, pw + 8 * n, pw + 16 * n, c.length, out);
        const r = arena.view(out, 3);
        return [r[0]!, r[1]!, r[2]!] as const;
      });
    },
    divideByLinearExt(s: EVec, z: Ext): EVec {
      const n = s.c0.length;
      arena.reset();
      const p0 = arena.copyIn(s.c0), p1 = arena.copyIn(s.c1), p2 = arena.copyIn(s.c2);
      const q = arena.alloc(3 * n);
      ex.divideByLinearExt(p0, p1, p2, n, z[0], z[1], z[2], q, q + 8 * n, q + 16 * n);
      return { c0: arena.view(q, n).slice(), c1: arena.view(q + 8 * n, n).slice(), c2: arena.view(q + 16 * n, n).slice() };
    },
  };
}
