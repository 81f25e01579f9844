// Kernel measurements (never asserted in tests): field ops per backend, NTT, LDE, batch inverse,
// BLAKE3 leaf hashing and Merkle trees. `runKernelBench()` returns rows; kernels-main.ts prints them.
import { blake3 } from "@noble/hashes/blake3.js";
import { P, GENERATOR } from "../field/goldilocks.js";
import { tsKernels, type VecKernels } from "../field/backend.js";
import { tsNttKernels, setNttKernels } from "../ntt/backend.js";
import { setKernels } from "../field/backend.js";
import { lde, ntt, evalPolyExt, evalPolysExt } from "../ntt/ntt.js";
import { evAdd, evAddScaled, evAlloc, evLinComb, evScale, vAdd, vScale } from "../field/vec.js";
import { extAdd, extMul, type Ext } from "../field/ext3.js";
import { divideByLinearExt } from "../ntt/ntt.js";
import type { EVec } from "../field/vec-types.js";
import { wasmBackends } from "../wasm/index.js";
import { kernelExports } from "../wasm/instance.js";
import { WasmArena } from "../wasm/arena.js";
import { hashTwo, hashFieldElems } from "../hash/digest.js";
import { MerkleTree } from "../merkle/merkle-tree.js";

export interface BenchRow {
  readonly name: string;
  readonly size: string;
  /** Median wall time of one run, milliseconds. */
  readonly ms: number;
  readonly throughput: string;
}

/** Median of `reps` timed runs after one warm-up. */
function time(fn: () => void, reps: number): number {
  fn();
  const t: number[] = [];
  for (let r = 0; r < reps; r++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

export function randomVec(n: number, seed: number): BigUint64Array {
  const v = new BigUint64Array(n);
  const w = new Uint32Array(v.buffer);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < w.length; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    w[i] = x;
  }
  for (let i = 0; i < n; i++) if (v[i]! >= P) v[i] = v[i]! - P;
  return v;
}

const nsPer = (ms: number, n: number): string => `${((ms * 1e6) / n).toFixed(1)} ns/elem`;

function fieldRows(vec: VecKernels | undefined): BenchRow[] {
  const n = 1 << 16;
  const a = randomVec(n, 1), b = randomVec(n, 2), out = new BigUint64Array(n);
  const rows: BenchRow[] = [];
  const big = (f: (x: bigint, y: bigint) => bigint) => () => {
    for (let i = 0; i < n; i++) out[i] = f(a[i]!, b[i]!);
  };
  const bigMul = time(big((x, y) => (x * y) % P), 5);
  rows.push({ name: "field mul BigInt", size: "2^16", ms: bigMul, throughput: nsPer(bigMul, n) });
  const bigAdd = time(big((x, y) => { const s = x + y; return s >= P ? s - P : s; }), 5);
  rows.push({ name: "field add BigInt", size: "2^16", ms: bigAdd, throughput: nsPer(bigAdd, n) });
  for (const [label, k] of [["TS limbs", tsKernels], ["WASM+copy", vec]] as const) {
    if (!k) continue;
    const m = time(() => k.mul(out, a, b), 15);
    rows.push({ name: `field mul ${label}`, size: "2^16", ms: m, throughput: nsPer(m, n) });
    const s = time(() => k.add(out, a, b), 15);
    rows.push({ name: `field add ${label}`, size: "2^16", ms: s, throughput: nsPer(s, n) });
  }
  // Raw WASM kernel on data already in linear memory: the cost without copies.
  const ex = kernelExports();
  if (ex) {
    const arena = new WasmArena(ex);
    arena.reset();
    const pa = arena.copyIn(a), pb = arena.copyIn(b), po = arena.alloc(n);
    const m = time(() => ex.vMul(po, pa, pb, n), 15);
    rows.push({ name: "field mul WASM in-memory", size: "2^16", ms: m, throughput: nsPer(m, n) });
    const s = time(() => ex.vAdd(po, pa, pb, n), 15);
    rows.push({ name: "field add WASM in-memory", size: "2^16", ms: s, throughput: nsPer(s, n) });
    const big20 = randomVec(1 << 20, 3);
    const c = time(() => { arena.reset(); const p = arena.copyIn(big20); arena.copyOut(p, big20); }, 9);
    rows.push({ name: "WASM copy in+out", size: "2^20", ms: c, throughput: `${((16 * 2 ** 20) / (c * 1e6)).toFixed(2)} GB/s` });
  }
  return rows;
}

function nttRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const wasm = wasmBackends();
  const cases: [string, number, boolean][] = [["TS", 16, false], ["WASM", 16, true], ["WASM", 20, true]];
  for (const [label, log, useWasm] of cases) {
    if (useWasm && !wasm) continue;
    const prev = setNttKernels(useWasm ? wasm!.ntt : tsNttKernels);
    const v = randomVec(1 << log, 4);
    const ms = time(() => ntt(v), log >= 20 ? 3 : 7);
    setNttKernels(prev);
    rows.push({ name: `NTT ${label}`, size: `2^${log}`, ms, throughput: nsPer(ms, 1 << log) });
  }
  const c = randomVec(1 << 17, 5);
  const ms = time(() => lde(c, 3, GENERATOR), 3);
  rows.push({ name: `LDE ${wasm ? "WASM (cosets)" : "TS"}`, size: "2^17 x 8", ms, throughput: nsPer(ms, 1 << 20) });
  if (wasm) {
    // The same LDE as one size-2^20 NTT of the zero-padded, shifted coefficients, for comparison.
    const one = time(() => { const v = new BigUint64Array(1 << 20); v.set(c); wasm.ntt.scaleByPowers(v, GENERATOR); wasm.ntt.ntt(v); }, 3);
    rows.push({ name: "LDE WASM (one big NTT)", size: "2^17 x 8", ms: one, throughput: nsPer(one, 1 << 20) });
  }
  const polys = Array.from({ length: 16 }, (_, i) => randomVec(1 << 17, 20 + i));
  const x = [3n, 5n, 7n] as const;
  const h = time(() => polys.forEach((p) => evalPolyExt(p, x)), 3);
  rows.push({ name: "evalPolyExt (Horner) x16", size: "2^17", ms: h, throughput: nsPer(h, 16 << 17) });
  const d = time(() => evalPolysExt(polys, x), 3);
  rows.push({ name: "evalPolysExt (dot) x16", size: "2^17", ms: d, throughput: nsPer(d, 16 << 17) });
  return rows;
}

function inverseRows(vec: VecKernels | undefined): BenchRow[] {
  const n = 1 << 17;
  const a = randomVec(n, 6).map((x) => x || 1n), out = new BigUint64Array(n);
  const rows: BenchRow[] = [];
  for (const [label, k] of [["TS", tsKernels], ["WASM", vec]] as const) {
    if (!k) continue;
    const ms = time(() => k.batchInverse(out, a), 5);
    rows.push({ name: `batch inverse ${label}`, size: "2^17", ms, throughput: nsPer(ms, n) });
  }
  return rows;
}

function linCombRows(): BenchRow[] {
  const n = 1 << 20, w = 8;
  const cols = Array.from({ length: w }, (_, j) => randomVec(n, 40 + j));
  const coeffs = cols.map((_, j) => [BigInt(j + 2), 3n, 5n] as const);
  const out = evAlloc(n);
  const ms = time(() => evLinComb(out, cols, coeffs), 3);
  return [{ name: "evLinComb 8 cols", size: "2^20", ms, throughput: nsPer(ms, n * w) }];
}

/**
 * The prover's formerly sequential BigInt loops (grand product, running sum, DEEP division) and
 * the quotient accumulation (scale then add vs fused), against the typed-array kernels.
 */
function scanRows(vec: VecKernels | undefined): BenchRow[] {
  const n = 1 << 17;
  const a: EVec = { c0: randomVec(n, 70), c1: randomVec(n, 71), c2: randomVec(n, 72) };
  const out = evAlloc(n), tmp = evAlloc(n);
  const at = (i: number): Ext => [a.c0[i]!, a.c1[i]!, a.c2[i]!];
  const set = (i: number, x: Ext): void => {
    out.c0[i] = x[0]; out.c1[i] = x[1]; out.c2[i] = x[2];
  };
  const z: Ext = [3n, 5n, 7n];
  const rows: BenchRow[] = [];
  const row = (name: string, ms: number): void => void rows.push({ name, size: "2^17 ext", ms, throughput: nsPer(ms, n) });
  row("prefix product BigInt loop", time(() => { let p: Ext = [1n, 0n, 0n]; for (let i = 0; i < n; i++) { set(i, p); p = extMul(p, at(i)); } }, 3));
  row("prefix sum BigInt loop", time(() => { let s: Ext = [0n, 0n, 0n]; for (let i = 0; i < n; i++) { set(i, s); s = extAdd(s, at(i)); } }, 3));
  row("synthetic division BigInt loop", time(() => { let acc: Ext = [0n, 0n, 0n]; for (let i = n - 1; i >= 1; i--) { acc = extAdd(at(i), extMul(z, acc)); set(i - 1, acc); } }, 3));
  for (const [label, k] of [["TS", tsKernels], ["WASM", vec]] as const) {
    if (!k) continue;
    row(`prefix product ${label}`, time(() => k.evPrefixProduct(out, a, [1n, 0n, 0n]), 5));
    row(`prefix sum ${label}`, time(() => k.evPrefixSum(out, a, [0n, 0n, 0n]), 5));
  }
  row(`synthetic division ${vec ? "WASM" : "TS"}`, time(() => divideByLinearExt(a, z), 5));
  row("out += s*a: evScale + evAdd", time(() => { evScale(tmp, a, z); evAdd(out, out, tmp); }, 5));
  row("out += s*a: fused evAddScaled", time(() => evAddScaled(out, a, z), 5));
  row("out += s*b (base b): 3 vScale + 3 vAdd", time(() => { for (const [o, s] of [[out.c0, z[0]], [out.c1, z[1]], [out.c2, z[2]]] as const) { vScale(tmp.c0, a.c0, s); vAdd(o, o, tmp.c0); } }, 5));
  row("out += s*b (base b): fused", time(() => (vec ?? tsKernels).evAxpyBase(out, a.c0, z), 5));
  return rows;
}

function hashRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const n = 1 << 14;
  const msg = new Uint8Array(64).map((_, i) => i);
  const noble = time(() => { for (let i = 0; i < n; i++) blake3(msg); }, 5);
  rows.push({ name: "blake3 64 B noble", size: "2^14 calls", ms: noble, throughput: `${((noble * 1e6) / n).toFixed(0)} ns/call` });
  const d = msg.subarray(0, 32), e = msg.subarray(32);
  const own = time(() => { for (let i = 0; i < n; i++) hashTwo(d, e); }, 5);
  rows.push({ name: "blake3 64 B own (hashTwo)", size: "2^14 calls", ms: own, throughput: `${((own * 1e6) / n).toFixed(0)} ns/call` });
  const leaf = Array.from({ length: 8 }, (_, i) => BigInt(i) * 0x1234567n);
  const hf = time(() => { for (let i = 0; i < n; i++) hashFieldElems(leaf); }, 5);
  rows.push({ name: "hashFieldElems 8 elems", size: "2^14 calls", ms: hf, throughput: `${((hf * 1e6) / n).toFixed(0)} ns/call` });
  const cols = Array.from({ length: 8 }, (_, j) => randomVec(1 << 20, 10 + j));
  const mt = time(() => new MerkleTree(cols), 1);
  rows.push({ name: "Merkle tree 8 cols", size: "2^20 leaves", ms: mt, throughput: `${((mt * 1e6) / 2 ** 20).toFixed(0)} ns/leaf` });
  return rows;
}

/** A commitment as the prover does it: LDE of 16 columns of 2^17 to 2^20, then one Merkle tree. */
function commitRows(): BenchRow[] {
  const w = 16;
  const coeffs = Array.from({ length: w }, (_, j) => randomVec(1 << 17, 60 + j));
  let ldes: BigUint64Array[] = [];
  const l = time(() => { ldes = coeffs.map((c) => lde(c, 3, GENERATOR)); }, 1);
  const m = time(() => new MerkleTree(ldes), 1);
  return [
    { name: "commit: LDE 16 cols", size: "2^17 x 8", ms: l, throughput: nsPer(l, w << 20) },
    { name: "commit: Merkle 16 cols", size: "2^20 leaves", ms: m, throughput: nsPer(m, w << 20) },
  ];
}

export function runKernelBench(): BenchRow[] {
  const wasm = wasmBackends();
  const prev = setKernels(wasm?.vec ?? tsKernels);
  try {
    return [...fieldRows(wasm?.vec), ...nttRows(), ...inverseRows(wasm?.vec), ...scanRows(wasm?.vec), ...linCombRows(), ...hashRows(), ...commitRows()];
  } finally {
    setKernels(prev);
  }
}
