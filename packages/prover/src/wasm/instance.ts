// Synchronous instantiation of the embedded kernels. Returns null when WebAssembly is unavailable
// or refuses synchronous compilation (e.g. a browser main thread): callers then keep the TS kernels.
import { KERNELS_WASM_BASE64 } from "./kernels.generated.js";

// Minimal structural types: the workspace's lib settings (ES2023, no DOM) do not declare WebAssembly.
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}

/** Exports of assembly/index.ts; pointers and lengths are numbers, u64 scalars are bigints. */
export interface KernelExports {
  readonly memory: WasmMemory;
  readonly heapBase: { readonly value: unknown };
  vAdd(out: number, a: number, b: number, n: number): void;
  vSub(out: number, a: number, b: number, n: number): void;
  vMul(out: number, a: number, b: number, n: number): void;
  vScale(out: number, a: number, s: bigint, n: number): void;
  vAddScalar(out: number, a: number, s: bigint, n: number): void;
  vPowers(out: number, base: bigint, n: number): void;
  vBatchInverse(out: number, a: number, pre: number, n: number): number;
  evMul(o0: number, o1: number, o2: number, a0: number, a1: number, a2: number, b0: number, b1: number, b2: number, n: number): void;
  evScale(o0: number, o1: number, o2: number, a0: number, a1: number, a2: number, s0: bigint, s1: bigint, s2: bigint, n: number): void;
  evBatchInverse(o0: number, o1: number, o2: number, a0: number, a1: number, a2: number, pre: number, n: number): number;
  evPrefixProduct(o0: number, o1: number, o2: number, a0: number, a1: number, a2: number, n: number, acc: number): void;
  evPrefixSum(o0: number, o1: number, o2: number, a0: number, a1: number, a2: number, n: number, acc: number): void;
  evAxpy(o0: number, o1: number, o2: number, a0: number, a1: number, a2: number, s0: bigint, s1: bigint, s2: bigint, n: number): void;
  buildTwiddles(tw: number, roots: number, logN: number): void;
  ntt(v: number, logN: number, tw: number): void;
  evalPolyExt(coeffs: number, n: number, x0: bigint, x1: bigint, x2: bigint, out: number): void;
  evAxpyBase(o0: number, o1: number, o2: number, col: number, s0: bigint, s1: bigint, s2: bigint, n: number): void;
  scaleByPowers(v: number, n: number, shift: bigint): void;
  ldeCosets(coeffs: number, logN: number, logBlowup: number, shift: bigint, wN: bigint, tmp: number, out: number, tw: number): void;
  dotExt(coeffs: number, p0: number, p1: number, p2: number, n: number, out: number): void;
  extPowers(p0: number, p1: number, p2: number, n: number, x0: bigint, x1: bigint, x2: bigint): void;
  divideByLinearExt(s0: number, s1: number, s2: number, n: number, z0: bigint, z1: bigint, z2: bigint, q0: number, q1: number, q2: number): void;
  blake3(msg: number, len: number, out: number): void;
  hashRows(colPtrs: number, nCols: number, nRows: number, row: number, out: number): void;
  hashLevel(children: number, m: number, out: number): void;
}

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let cached: KernelExports | null | undefined;

export function kernelExports(): KernelExports | null {
  if (cached === undefined) {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    try {
      if (api === undefined) throw new Error("no WebAssembly");
      const module = new api.Module(decodeBase64(KERNELS_WASM_BASE64));
      const instance = new api.Instance(module, { env: { abort: wasmAbort } });
      cached = instance.exports as unknown as KernelExports;
    } catch {
      cached = null;
    }
  }
  return cached;
}

function wasmAbort(): never {
  throw new Error("prover wasm kernels: abort");
}
