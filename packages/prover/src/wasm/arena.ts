// Linear-memory layout managed from JS: [static data | twiddle table | per-call scratch].
// Every kernel call copies its inputs into scratch and its outputs back (memcpy speed, measured
// in the bench); nothing in scratch survives a call, so there is no allocator to leak.
import type { KernelExports } from "./instance.js";

const PAGE = 65536;

export class WasmArena {
  private readonly base: number;
  private twiddleLog = -1;
  private scratchBase: number;
  private next = 0;

  constructor(private readonly ex: KernelExports) {
    this.base = align(Number(ex.heapBase.value));
    this.scratchBase = this.base;
  }

  /** Start a call's scratch allocations. */
  reset(): void {
    this.next = this.scratchBase;
  }

  /** Reserve n u64 words of scratch, growing memory if needed; returns the byte pointer. */
  alloc(words: number): number {
    const ptr = this.next;
    this.next = align(ptr + 8 * words);
    this.ensure(this.next);
    return ptr;
  }

  private ensure(end: number): void {
    const mem = this.ex.memory;
    if (end > mem.buffer.byteLength) mem.grow(Math.ceil((end - mem.buffer.byteLength) / PAGE));
  }

  /** A view of n words at ptr (re-create after any alloc: growth detaches old views). */
  view(ptr: number, n: number): BigUint64Array {
    return new BigUint64Array(this.ex.memory.buffer, ptr, n);
  }

  /** A byte-addressed u32 view (pointer tables, digests). */
  viewU32(ptr: number, n: number): Uint32Array {
    return new Uint32Array(this.ex.memory.buffer, ptr, n);
  }

  copyIn(v: BigUint64Array): number {
    const ptr = this.alloc(v.length);
    this.view(ptr, v.length).set(v);
    return ptr;
  }

  copyOut(ptr: number, out: BigUint64Array): void {
    out.set(this.view(ptr, out.length));
  }

  /** Pointer to a twiddle table serving NTTs up to 2^logN (rebuilt, and scratch moved, when it must grow). */
  twiddles(logN: number, roots: (k: number) => bigint): number {
    if (logN > this.twiddleLog) {
      const size = Math.max(2, 2 ** logN);
      this.scratchBase = align(this.base + 8 * size);
      this.reset();
      const rootsPtr = this.alloc(logN + 1);
      const r = this.view(rootsPtr, logN + 1);
      for (let k = 1; k <= logN; k++) r[k] = roots(k);
      this.ex.buildTwiddles(this.base, rootsPtr, logN);
      this.twiddleLog = logN;
    }
    return this.base;
  }
}

function align(x: number): number {
  return Math.ceil(x / 64) * 64;
}
