// VecKernels backed by the WebAssembly module (copy in, run, copy out).
import type { VecKernels } from "../field/backend.js";
import type { FVec, EVec } from "../field/vec-types.js";
import type { Ext } from "../field/ext3.js";
import { FieldError } from "../field/errors.js";
import type { KernelExports } from "./instance.js";
import type { WasmArena } from "./arena.js";

/** Rows per block of evLinComb (accumulator 3 x 128 KiB: stays in cache). */
const LIN_COMB_BLOCK = 1 << 14;

type Binary = "vAdd" | "vSub" | "vMul";
type WithScalar = "vScale" | "vAddScalar";

export function makeWasmVecKernels(ex: KernelExports, arena: WasmArena): VecKernels {
  const binary = (op: Binary) => (out: FVec, a: FVec, b: FVec): void => {
    arena.reset();
    const pa = arena.copyIn(a), pb = arena.copyIn(b);
    ex[op](pa, pa, pb, a.length);
    arena.copyOut(pa, out);
  };
  const withScalar = (op: WithScalar) => (out: FVec, a: FVec, s: bigint): void => {
    arena.reset();
    const pa = arena.copyIn(a);
    ex[op](pa, pa, s, a.length);
    arena.copyOut(pa, out);
  };
  const ev3 = (v: EVec): [number, number, number] => [arena.copyIn(v.c0), arena.copyIn(v.c1), arena.copyIn(v.c2)];
  const evOut = (p: [number, number, number], out: EVec): void => {
    arena.copyOut(p[0], out.c0);
    arena.copyOut(p[1], out.c1);
    arena.copyOut(p[2], out.c2);
  };
  const evBinary = (out: EVec, a: EVec, b: EVec, f: (pa: [number, number, number], pb: [number, number, number]) => void): void => {
    arena.reset();
    const pa = ev3(a), pb = ev3(b);
    f(pa, pb);
    evOut(pa, out);
  };

  return {
    name: "wasm",
    add: binary("vAdd"),
    sub: binary("vSub"),
    mul: binary("vMul"),
    scale: withScalar("vScale"),
    addScalar: withScalar("vAddScalar"),
    powers(out: FVec, base: bigint): void {
      arena.reset();
      const p = arena.alloc(out.length);
      ex.vPowers(p, base, out.length);
      arena.copyOut(p, out);
    },
    batchInverse(out: FVec, a: FVec): void {
      arena.reset();
      const pa = arena.copyIn(a), pre = arena.alloc(a.length);
      const zero = ex.vBatchInverse(pa, pa, pre, a.length);
      if (zero >= 0) throw new FieldError(`vBatchInverse: element at index ${zero} is zero`);
      arena.copyOut(pa, out);
    },
    evAdd(out: EVec, a: EVec, b: EVec): void {
      evBinary(out, a, b, (x, y) => x.forEach((p, i) => ex.vAdd(p, p, y[i]!, a.c0.length)));
    },
    evSub(out: EVec, a: EVec, b: EVec): void {
      evBinary(out, a, b, (x, y) => x.forEach((p, i) => ex.vSub(p, p, y[i]!, a.c0.length)));
    },
    evMul(out: EVec, a: EVec, b: EVec): void {
      evBinary(out, a, b, (x, y) => ex.evMul(x[0], x[1], x[2], x[0], x[1], x[2], y[0], y[1], y[2], a.c0.length));
    },
    evMulBase(out: EVec, a: EVec, b: FVec): void {
      arena.reset();
      const pa = ev3(a), pb = arena.copyIn(b);
      for (const p of pa) ex.vMul(p, p, pb, b.length);
      evOut(pa, out);
    },
    evScale(out: EVec, a: EVec, s: Ext): void {
      arena.reset();
      const pa = ev3(a);
      ex.evScale(pa[0], pa[1], pa[2], pa[0], pa[1], pa[2], s[0], s[1], s[2], a.c0.length);
      evOut(pa, out);
    },
    evBatchInverse(out: EVec, a: EVec): void {
      arena.reset();
      const pa = ev3(a), pre = arena.alloc(3 * a.c0.length);
      const zero = ex.evBatchInverse(pa[0], pa[1], pa[2], pa[0], pa[1], pa[2], pre, a.c0.length);
      if (zero >= 0) throw new FieldError(`evBatchInverse: element at index ${zero} is zero`);
      evOut(pa, out);
    },
    evLinComb(out: EVec, cols: readonly FVec[], coeffs: readonly Ext[]): void {
      // Row blocks: each column crosses into WASM once, the accumulator once out.
      const n = out.c0.length, block = Math.min(n, LIN_COMB_BLOCK);
      arena.reset();
      const acc = arena.alloc(3 * block), col = arena.alloc(block);
      const a0 = acc, a1 = acc + 8 * block, a2 = acc + 16 * block;
      for (let r0 = 0; r0 < n; r0 += block) {
        const len = Math.min(block, n - r0);
        arena.view(acc, 3 * block).fill(0n);
        cols.forEach((c, j) => {
          arena.view(col, len).set(c.subarray(r0, r0 + len));
          const s = coeffs[j]!;
          ex.evAxpyBase(a0, a1, a2, col, s[0], s[1], s[2], len);
        });
        out.c0.set(arena.view(a0, len), r0);
        out.c1.set(arena.view(a1, len), r0);
        out.c2.set(arena.view(a2, len), r0);
      }
    },
  };
}
