// proverBench (the CLI hook): shape of the result, files written, and the files verify by bytes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { proverBench, verifyProofBytes } from "../src/index.js";

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
