// `zkmlir prover-bench` and `zkmlir verify`: measure and attack the prover from outside.
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { CircuitError, ParamsError, WorkerError, proverBench, verifyProofBytes } from "@zkmlir/prover";
import type { ToolIO } from "@zkmlir/testkit";
import { parseArgs, UsageError } from "./parse-args.js";
import type { ZkmlirCommand } from "../zkmlir/commands.js";

function usage<T>(fn: () => T): T | number {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UsageError) return e.helpShown ? 0 : 1;
    throw e;
  }
}

export const proverBenchCommand: ZkmlirCommand = {
  name: "prover-bench",
  summary: "prove and verify a random circuit of a given shape; print timings and sizes",
  run(args: string[], io: ToolIO): number {
    const cmd = new Command("zkmlir prover-bench")
      .description("Build a random circuit using every gate kind, copy constraints and lookups; prove, verify, report.")
      .requiredOption("--log-rows <n>", "log2 of the number of rows", (v) => Number.parseInt(v, 10))
      .option("--columns <w>", "advice columns", (v) => Number.parseInt(v, 10), 8)
      .addOption(new Option("--security <level>", "security preset").choices(["default", "100", "128", "secure128", "lowmem100", "insecure-test"]).default("default"))
      .option("--out <dir>", "write proof.bin and vk.bin here")
      .option("--seed <n>", "fix the circuit and blinding randomness (golden runs only)", (v) => Number.parseInt(v, 10))
      .option("--workers <n>", "threads for the column-parallel phases, this one included (1 = no worker threads)", (v) => Number(v), 1)
      .option("--floors", "also measure the kernels and print each phase's kernel floor")
      .option("--json", "print one JSON object");
    const parsed = usage(() => parseArgs(cmd, args, io));
    if (typeof parsed === "number") return parsed;
    const o = parsed.opts<{ logRows: number; columns: number; security: string; out?: string; seed?: number; workers: number; floors?: boolean; json?: boolean }>();
    if (!Number.isInteger(o.logRows) || o.logRows < 3 || o.logRows > 24) {
      io.stderr("error: --log-rows must be an integer from 3 to 24\n");
      return 1;
    }
    if (!Number.isInteger(o.columns) || o.columns < 1 || o.columns > 1024) {
      io.stderr("error: --columns must be an integer from 1 to 1024\n");
      return 1;
    }
    if (!Number.isInteger(o.workers) || o.workers < 1 || o.workers > 64) {
      io.stderr("error: --workers must be an integer from 1 to 64\n");
      return 1;
    }
    const security = o.security === "128" ? "secure128" : o.security === "100" ? "default" : o.security;
    let r: ReturnType<typeof proverBench>;
    try {
      r = proverBench({ logRows: o.logRows, columns: o.columns, security, outDir: o.out, seed: o.seed, workers: o.workers, floors: o.floors ?? false });
    } catch (e) {
      // The prover's own errors (a circuit shape it cannot build, bad parameters) are user errors.
      if (e instanceof CircuitError || e instanceof ParamsError || e instanceof WorkerError) {
        io.stderr(`error: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    if (o.json) io.stdout(JSON.stringify(r) + "\n");
    else {
      io.stdout(`rows ${r.rows}, columns ${r.columns}, security ${r.security_bits} bits, ${r.workers} thread(s)\n`);
      io.stdout(`prove ${r.prove_ms.toFixed(0)} ms, verify ${r.verify_ms.toFixed(1)} ms, proof ${r.proof_bytes} bytes, peak RSS ${r.peak_rss_mb.toFixed(0)} MB\n`);
      const floor = r.kernel_floor_ms ?? {};
      for (const [k, v] of Object.entries(r.phases)) {
        const f = floor[k];
        io.stdout(`  ${k.padEnd(24)} ${v.toFixed(1)} ms${f === undefined ? "" : `  (kernel floor ${f} ms, ratio ${(v / Math.max(f, 1)).toFixed(2)})`}\n`);
      }
      io.stdout(r.verified ? "verified\n" : `NOT verified: ${r.reason ?? "unknown reason"}\n`);
    }
    return r.verified ? 0 : 1;
  },
};

export const verifyCommand: ZkmlirCommand = {
  name: "verify",
  summary: "verify a proof against a verification key",
  run(args: string[], io: ToolIO): number {
    const cmd = new Command("zkmlir verify")
      .description("Verify PROOF against the verification key; exit 0 and print 'verified', or exit 1 with the reason.")
      .argument("<proof>", "proof file (proof.bin)")
      .requiredOption("--vk <file>", "verification key file (vk.bin)")
      .option("--allow-insecure", "accept proofs made with the insecure test preset");
    const parsed = usage(() => parseArgs(cmd, args, io));
    if (typeof parsed === "number") return parsed;
    const [proofPath] = parsed.args as [string];
    const { vk, allowInsecure } = parsed.opts<{ vk: string; allowInsecure?: boolean }>();
    let proof: Uint8Array, key: Uint8Array;
    try {
      proof = readFileSync(proofPath);
      key = readFileSync(vk);
    } catch (e) {
      io.stderr(`error: ${(e as Error).message}\n`);
      return 1;
    }
    const r = verifyProofBytes(proof, key, allowInsecure ? { allowInsecureTest: true } : {});
    if (r.ok) {
      io.stdout("verified\n");
      return 0;
    }
    io.stderr(`error: proof rejected: ${r.reason}\n`);
    return 1;
  },
};
