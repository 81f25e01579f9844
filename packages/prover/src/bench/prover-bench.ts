// proverBench: build a random circuit of the given shape (every gate kind, copies, lookups),
// prove, verify, and report sizes and timings. Node-only (writes files, reads RSS).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { preset, securityBits } from "../protocol/params.js";
import { setup } from "../protocol/keys.js";
import { prove } from "../protocol/prover.js";
import { verifyProof } from "../protocol/verifier.js";
import { encodeProof } from "../protocol/proof-format.js";
import { encodeVk } from "../protocol/vk-format.js";
import { seededRng } from "../util/random.js";
import { computeLayout } from "../protocol/layout.js";
import { constraintSystem } from "../circuit/constraint-system.js";
import { randomCircuit } from "./random-circuit.js";
import { workerPool } from "../parallel/pool.js";
import { measureKernelCosts } from "./kernel-costs.js";
import { phaseFloors } from "./phase-floors.js";

export interface ProverBenchOptions {
  /** log2 of the trace length n (the circuit uses n minus the blinding rows). */
  readonly logRows: number;
  readonly columns: number;
  /** Preset name: "default", "secure128" or "insecure-test". */
  readonly security: string;
  readonly outDir?: string;
  /** Fixes the circuit and the blinding randomness (golden runs); otherwise blinding uses the CSPRNG. */
  readonly seed?: number;
  /** ProveOptions.workers: threads for the column-parallel phases (default 1). */
  readonly workers?: number;
  /** Also measure the kernels at this size and report each phase's kernel floor (takes a few seconds). */
  readonly floors?: boolean;
}

export interface ProverBenchResult {
  rows: number;
  columns: number;
  prove_ms: number;
  verify_ms: number;
  setup_ms: number;
  proof_bytes: number;
  vk_bytes: number;
  peak_rss_mb: number;
  security_bits: number;
  verified: boolean;
  reason?: string;
  phases: Record<string, number>;
  workers: number;
  /** Single-threaded kernel floor per phase (phase-floors.ts), when asked for. */
  kernel_floor_ms?: Record<string, number>;
}

export function proverBench(o: ProverBenchOptions): ProverBenchResult {
  const params = preset(o.security);
  // Find how many rows fit in 2^logRows once the blinding rows are added.
  const probe = computeLayout(constraintSystem(randomCircuit({ rows: 8, columns: o.columns, seed: o.seed ?? 1 }).circuit), params);
  const rows = Math.max(8, (1 << o.logRows) - (probe.n - probe.usable));
  let peak = process.memoryUsage().rss;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const { circuit, witness } = randomCircuit({ rows, columns: o.columns, seed: o.seed ?? 1 });
  const insecure = { allowInsecureTest: params.name === "insecure-test" };
  // Start the worker threads before the clock (they come up during setup), as a long-lived
  // prover would have them: the bench measures proving, not thread start-up.
  if ((o.workers ?? 1) > 1) workerPool(o.workers!);
  const t0 = performance.now();
  const pk = setup(circuit, params, insecure);
  const t1 = performance.now();
  sample();
  const phases: Record<string, number> = {};
  const rng = o.seed === undefined ? undefined : seededRng(new TextEncoder().encode(`bench-${o.seed}`));
  const proof = prove(pk, witness, { phases, workers: o.workers ?? 1, ...(rng ? { rng } : {}) });
  const t2 = performance.now();
  sample();
  const proofBytes = encodeProof(proof);
  const vkBytes = encodeVk(pk.vk);
  const t3 = performance.now();
  const res = verifyProof(pk.vk, proof, insecure);
  const t4 = performance.now();
  sample();
  if (o.outDir !== undefined) {
    mkdirSync(o.outDir, { recursive: true });
    writeFileSync(join(o.outDir, "proof.bin"), proofBytes);
    writeFileSync(join(o.outDir, "vk.bin"), vkBytes);
  }
  for (const k of Object.keys(phases)) phases[k] = Math.round(phases[k]!);
  const floors = o.floors ? phaseFloors(pk, measureKernelCosts(pk.layout.logN, params.logBlowup)) : undefined;
  return {
    rows: pk.layout.n,
    columns: o.columns,
    prove_ms: Math.round(t2 - t1),
    verify_ms: Math.round(t4 - t3),
    setup_ms: Math.round(t1 - t0),
    proof_bytes: proofBytes.length,
    vk_bytes: vkBytes.length,
    peak_rss_mb: Math.round(peak / 2 ** 20),
    security_bits: securityBits(params, pk.layout.logN + params.logBlowup),
    verified: res.ok,
    ...(res.ok ? {} : { reason: res.reason }),
    phases,
    workers: o.workers ?? 1,
    ...(floors ? { kernel_floor_ms: Object.fromEntries(Object.entries(floors).map(([k, v]) => [k, Math.round(10 * v) / 10])) } : {}),
  };
}
