// Prints the protocol bench table for 2^10..2^16 rows (or the logRows given as arguments):
//   node packages/prover/dist/src/bench/protocol-main.js [--columns 16] [--security default] [10 12 14 ...]
import { proverBench, type ProverBenchResult } from "./prover-bench.js";

const args = process.argv.slice(2);
let columns = 16;
let security = "default";
const logs: number[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--columns") columns = Number(args[++i]);
  else if (a === "--security") security = args[++i]!;
  else logs.push(Number(a));
}
if (logs.length === 0) logs.push(10, 11, 12, 13, 14, 15, 16);

const header = ["rows", "cols", "bits", "prove ms", "verify ms", "proof KiB", "peak MiB", "ok", "witness", "aux", "quotient", "q commit", "deep", "fri", "openings"];
const cells: string[][] = [];
const row = (r: ProverBenchResult): string[] => [
  `2^${Math.log2(r.rows)}`, String(r.columns), String(r.security_bits), String(r.prove_ms), String(r.verify_ms),
  (r.proof_bytes / 1024).toFixed(0), String(r.peak_rss_mb), r.verified ? "yes" : `NO: ${r.reason}`,
  String(r.phases["witness_commit_ms"] ?? 0), String(r.phases["aux_columns_ms"] ?? 0), String(r.phases["quotient_ms"] ?? 0), String(r.phases["quotient_commit_ms"] ?? 0), String(r.phases["deep_ms"] ?? 0),
  String(r.phases["fri_ms"] ?? 0), String(r.phases["openings_ms"] ?? 0),
];
const widths = header.map((h) => h.length);
const print = (c: string[]): void => console.log(c.map((x, i) => x.padEnd(widths[i]!)).join("  "));
for (const [i, h] of header.entries()) widths[i] = Math.max(h.length, 9);
print(header);
print(widths.map((w) => "-".repeat(w)));
for (const logRows of logs) {
  const r = proverBench({ logRows, columns, security });
  cells.push(row(r));
  print(cells[cells.length - 1]!);
}
