// VecKernels backed by the WebAssembly module. Element-wise kernels run over row blocks: each
// block of every input is copied in, computed, and copied out while still in cache, so copies
// stay cheap and linear memory stays small whatever the vector length.
import type { VecKernels } from "../field/backend.js";
import type { FVec, EVec } from "../field/vec-types.js";
import type { Ext } from "../field/ext3.js";
import { FieldError } from "../field/errors.js";
import type { KernelExports } from "./instance.js";
import type { WasmArena } from "./arena.js";

/** Rows per block: 64 KiB per vector. */
const BLOCK = 1 << 13;
/** Rows per block of evLinComb (accumulator 3 x 128 KiB). */
const LIN_COMB_BLOCK = 1 << 14;

type Binary = "vAdd" | "vSub" | "vMul";
type WithScalar = "vScale" | "vAddScalar";

export function makeWasmVecKernels(ex: KernelExports, arena: WasmArena): VecKernels {
  /**
   * Copy block r0..r0+len of each input to slot i, run, copy slot i back to outs[i]. `scratch`
   * extra words per block row are reserved after the slots (returned as the last pointer).
   */
  const blocked = (ins: readonly FVec[], outs: readonly FVec[], scratch: number, run: (p: number[], len: number, r0: number) => void): void => {
    const n = outs[0]!.length, block = Math.min(n, BLOCK);
    arena.reset();
    const p = Array.from({ length: Math.max(ins.length, outs.length) }, () => arena.alloc(block));
    if (scratch > 0) p.push(arena.alloc(scratch * block));
    for (let r0 = 0; r0 < n; r0 += block) {
      const len = Math.min(block, n - r0);
      ins.forEach((v, i) => arena.view(p[i]!, len).set(v.subarray(r0, r0 + len)));
      run(p, len, r0);
      outs.forEach((v, i) => v.set(arena.view(p[i]!, len), r0));
    }
  };
  const binary = (op: Binary) => (out: FVec, a: FVec, b: FVec): void => {
    blocked([a, b], [out], 0, (p, len) => ex[op](p[0]!, p[0]!, p[1]!, len));
  };
  const withScalar = (op: WithScalar) => (out: FVec, a: FVec, s: bigint): void => {
    blocked([a], [out], 0, (p, len) => ex[op](p[0]!, p[0]!, s, len));
  };
  const parts = (v: EVec): FVec[] => [v.c0, v.c1, v.c2];
  /** A scan over row blocks: the running value (3 words after the slots) carries across blocks. */
  const scan = (op: "evPrefixProduct" | "evPrefixSum") => (out: EVec, a: EVec, acc: Ext): Ext => {
    let total: Ext = acc;
    blocked(parts(a), parts(out), 3, (p, len, r0) => {
      const accPtr = p[3]!;
      const v = arena.view(accPtr, 3);
      if (r0 === 0) v.set(acc);
      ex[op](p[0]!, p[1]!, p[2]!, p[0]!, p[1]!, p[2]!, len, accPtr);
      const w = arena.view(accPtr, 3);
      total = [w[0]!, w[1]!, w[2]!];
    });
    return total;
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
      // Montgomery's trick per block: one inversion per 2^13 elements costs ~1% more multiplies.
      blocked([a], [out], 1, (p, len, r0) => {
        const zero = ex.vBatchInverse(p[0]!, p[0]!, p[1]!, len);
        if (zero >= 0) throw new FieldError(`vBatchInverse: element at index ${r0 + zero} is zero`);
      });
    },
    evAdd(out: EVec, a: EVec, b: EVec): void {
      blocked([...parts(a), ...parts(b)], parts(out), 0, (p, len) => {
        for (let k = 0; k < 3; k++) ex.vAdd(p[k]!, p[k]!, p[k + 3]!, len);
      });
    },
    evSub(out: EVec, a: EVec, b: EVec): void {
      blocked([...parts(a), ...parts(b)], parts(out), 0, (p, len) => {
        for (let k = 0; k < 3; k++) ex.vSub(p[k]!, p[k]!, p[k + 3]!, len);
      });
    },
    evMul(out: EVec, a: EVec, b: EVec): void {
      blocked([...parts(a), ...parts(b)], parts(out), 0, (p, len) =>
        ex.evMul(p[0]!, p[1]!, p[2]!, p[0]!, p[1]!, p[2]!, p[3]!, p[4]!, p[5]!, len));
    },
    evMulBase(out: EVec, a: EVec, b: FVec): void {
      blocked([...parts(a), b], parts(out), 0, (p, len) => {
        for (let k = 0; k < 3; k++) ex.vMul(p[k]!, p[k]!, p[3]!, len);
      });
    },
    evScale(out: EVec, a: EVec, s: Ext): void {
      blocked(parts(a), parts(out), 0, (p, len) =>
        ex.evScale(p[0]!, p[1]!, p[2]!, p[0]!, p[1]!, p[2]!, s[0], s[1], s[2], len));
    },
    evBatchInverse(out: EVec, a: EVec): void {
      blocked(parts(a), parts(out), 3, (p, len, r0) => {
        const zero = ex.evBatchInverse(p[0]!, p[1]!, p[2]!, p[0]!, p[1]!, p[2]!, p[3]!, len);
        if (zero >= 0) throw new FieldError(`evBatchInverse: element at index ${r0 + zero} is zero`);
      });
    },
    evPrefixProduct: scan("evPrefixProduct"),
    evPrefixSum: scan("evPrefixSum"),
    evAxpy(out: EVec, a: EVec, s: Ext): void {
      blocked([...parts(out), ...parts(a)], parts(out), 0, (p, len) =>
        ex.evAxpy(p[0]!, p[1]!, p[2]!, p[3]!, p[4]!, p[5]!, s[0], s[1], s[2], len));
    },
    evAxpyBase(out: EVec, b: FVec, s: Ext): void {
      blocked([...parts(out), b], parts(out), 0, (p, len) => ex.evAxpyBase(p[0]!, p[1]!, p[2]!, p[3]!, s[0], s[1], s[2], len));
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
