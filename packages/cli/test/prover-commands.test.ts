// `zkmlir prover-bench` and `zkmlir verify`, in-process: a proof written to disk verifies from its
// bytes, a flipped byte is rejected with a reason, bad options are clear errors.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeWorkerPools } from "@zkmlir/prover";
import { runZkmlir } from "../src/index.js";

const tmp = mkdtempSync(join(tmpdir(), "zkmlir-prover-"));
async function zkmlir(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const code = await runZkmlir(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}
afterAll(() => closeWorkerPools());

test("prover-bench --json with 2 threads writes a proof that verify accepts; a flipped byte is rejected", async () => {
  const r = await zkmlir("prover-bench", "--log-rows", "9", "--columns", "6", "--security", "insecure-test", "--workers", "2", "--out", tmp, "--json");
  expect([r.code, r.err]).toEqual([0, ""]);
  const j = JSON.parse(r.out) as Record<string, unknown>;
  for (const k of ["rows", "columns", "prove_ms", "verify_ms", "proof_bytes", "peak_rss_mb", "security_bits", "verified", "phases"]) expect(j).toHaveProperty(k);
  expect(j["verified"]).toBe(true);
  const ok = await zkmlir("verify", join(tmp, "proof.bin"), "--vk", join(tmp, "vk.bin"), "--allow-insecure");
  expect([ok.code, ok.out]).toEqual([0, "verified\n"]);
  // Without --allow-insecure the weak test preset is refused.
  const weak = await zkmlir("verify", join(tmp, "proof.bin"), "--vk", join(tmp, "vk.bin"));
  expect(weak.code).toBe(1);
  const bytes = readFileSync(join(tmp, "proof.bin"));
  bytes[Math.floor(bytes.length / 2)]! ^= 1;
  writeFileSync(join(tmp, "bad.bin"), bytes);
  const bad = await zkmlir("verify", join(tmp, "bad.bin"), "--vk", join(tmp, "vk.bin"), "--allow-insecure");
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/^error: proof rejected: .+/);
});

test("bad options: clear errors, exit 1", async () => {
  expect((await zkmlir("prover-bench", "--log-rows", "40")).err).toMatch(/--log-rows must be an integer from 3 to 24/);
  const w = await zkmlir("prover-bench", "--log-rows", "8", "--workers", "0");
  expect(w.code).toBe(1);
  const c = await zkmlir("prover-bench", "--log-rows", "8", "--columns", "4", "--security", "insecure-test");
  expect([c.code, c.err]).toEqual([1, "error: randomCircuit: need at least 6 columns, got 4\n"]);
  const v = await zkmlir("verify", join(tmp, "missing.bin"), "--vk", join(tmp, "vk.bin"));
  expect(v.code).toBe(1);
  expect(v.err).toMatch(/missing\.bin/);
});
