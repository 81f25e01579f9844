// proverBench (the CLI hook): shape of the result, files written, and the files verify by bytes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { proverBench, verifyProofBytes } from "../src/index.js";
import { FLOOR_PHASES, phaseFloors } from "../src/bench/phase-floors.js";
import type { KernelCosts } from "../src/bench/kernel-costs.js";
import { preset, randomCircuit, setup } from "../src/index.js";
import { closeWorkerPools } from "../src/parallel/pool.js";

afterAll(closeWorkerPools);

test("proverBench proves, verifies and writes proof.bin / vk.bin", () => {
  const dir = mkdtempSync(join(tmpdir(), "zkmlir-prover-"));
  try {
    const r = proverBench({ logRows: 6, columns: 7, security: "insecure-test", outDir: dir, seed: 5 });
    expect(r.verified).toBe(true);
    expect(r.rows).toBe(64);
    expect(r.columns).toBe(7);
    expect(r.security_bits).toBe(8);
    for (const k of ["witness_commit_ms", "quotient_ms", "fri_ms", "queries_ms"]) expect(r.phases[k]).toBeGreaterThanOrEqual(0);
    const proof = readFileSync(join(dir, "proof.bin"));
    const vk = readFileSync(join(dir, "vk.bin"));
    expect(proof.length).toBe(r.proof_bytes);
    const p = new Uint8Array(proof);
    const v = new Uint8Array(vk);
    expect(verifyProofBytes(p, v, { allowInsecureTest: true })).toEqual({ ok: true });
    expect(verifyProofBytes(p, v)).toEqual({ ok: false, reason: expect.stringContaining("100-bit floor") });
    // a seeded run is reproducible byte for byte
    const again = proverBench({ logRows: 6, columns: 7, security: "insecure-test", outDir: join(dir, "b"), seed: 5 });
    expect(again.verified).toBe(true);
    expect(new Uint8Array(readFileSync(join(dir, "b", "proof.bin")))).toEqual(p);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("unknown preset is a clear error", () => {
  expect(() => proverBench({ logRows: 6, columns: 7, security: "fast" })).toThrow(/unknown security preset 'fast'/);
});

test("proverBench with floors: a positive kernel floor for every modelled phase, none unasked; workers recorded", () => {
  const plain = proverBench({ logRows: 6, columns: 7, security: "insecure-test", seed: 5 });
  expect(plain.kernel_floor_ms).toBeUndefined();
  expect(plain.workers).toBe(1);
  const r = proverBench({ logRows: 6, columns: 7, security: "insecure-test", seed: 5, floors: true, workers: 2 });
  expect(r.verified).toBe(true);
  expect(r.workers).toBe(2);
  expect(Object.keys(r.kernel_floor_ms!).sort()).toEqual([...FLOOR_PHASES].sort());
  for (const p of FLOOR_PHASES) {
    expect(r.phases[p]).toBeGreaterThanOrEqual(0);
    expect(r.kernel_floor_ms![p]).toBeGreaterThan(0);
  }
});

test("floor model: commits cost LDE (+ interpolation) per column when only those are priced", () => {
  const pk = setup(randomCircuit({ rows: 100, columns: 7, seed: 1 }).circuit, preset("insecure-test"), { allowInsecureTest: true });
  const zero: KernelCosts = {
    interpolate: 0, lde: 0, ldeBy: () => 0, cosetIntt: () => 0, leafElemNs: 0, nodeNs: 0, vAddNs: 0, vMulNs: 0, evAddNs: 0,
    evMulNs: 0, evMulBaseNs: 0, evAddScaledNs: 0, evAddScaledBaseNs: 0, linCombNs: 0, evalPowers: 0, evalNs: 0, divide: 0,
  };
  expect(Object.values(phaseFloors(pk, zero)).every((v) => v === 0)).toBe(true);
  const f = phaseFloors(pk, { ...zero, lde: 1, interpolate: 2 });
  const lay = pk.layout;
  expect(f["witness_commit_ms"]).toBe(3 * lay.numAdviceBatch);
  expect(f["aux_commit_ms"]).toBe(3 * 3 * lay.numAuxExt);
  expect(f["quotient_commit_ms"]).toBe(3 * lay.numChunks);
  expect(f["deep_ms"]).toBe(3); // the LDE of D's 3 components
  // every quotient group of degree > blowup needs its sources' LDEs
  expect(phaseFloors(pk, { ...zero, ldeBy: () => 1 })["quotient_ms"]).toBeGreaterThan(lay.numAdviceBatch);
});
