// Prints the protocol bench table for 2^10..2^16 rows (or the logRows given as arguments), then
// per size the kernel-floor comparison of each phase:
//   node packages/prover/dist/src/bench/protocol-main.js [--columns 16] [--security default] [--workers N] [--floors] [10 12 14 ...]
import { closeWorkerPools } from "../parallel/pool.js";
import { FLOOR_PHASES } from "./phase-floors.js";
import { proverBench, type ProverBenchResult } from "./prover-bench.js";

const args = process.argv.slice(2);
let columns = 16;
let security = "default";
let workers = 1;
let floors = false;
const logs: number[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--columns") columns = Number(args[++i]);
  else if (a === "--security") security = args[++i]!;
  else if (a === "--workers") workers = Number(args[++i]);
  else if (a === "--floors") floors = true;
  else logs.push(Number(a));
}
if (logs.length === 0) logs.push(10, 11, 12, 13, 14, 15, 16);

const header = ["rows", "cols", "threads", "bits", "prove ms", "verify ms", "proof KiB", "peak MiB", "ok", "witness", "aux", "aux commit", "quotient", "q commit", "deep", "fri", "openings"];
const row = (r: ProverBenchResult): string[] => [
  `2^${Math.log2(r.rows)}`, String(r.columns), String(r.workers), String(r.security_bits), String(r.prove_ms), String(r.verify_ms),
  (r.proof_bytes / 1024).toFixed(0), String(r.peak_rss_mb), r.verified ? "yes" : `NO: ${r.reason}`,
  String(r.phases["witness_commit_ms"] ?? 0), String(r.phases["aux_columns_ms"] ?? 0), String(r.phases["aux_commit_ms"] ?? 0), String(r.phases["quotient_ms"] ?? 0), String(r.phases["quotient_commit_ms"] ?? 0), String(r.phases["deep_ms"] ?? 0),
  String(r.phases["fri_ms"] ?? 0), String(r.phases["openings_ms"] ?? 0),
];
const table = (head: string[], minWidth: number, firstWidth = minWidth): ((c: string[]) => void) => {
  const widths = head.map((h, i) => Math.max(h.length, i === 0 ? firstWidth : minWidth));
  const print = (c: string[]): void => console.log(c.map((x, i) => x.padEnd(widths[i]!)).join("  "));
  print(head);
  print(widths.map((w) => "-".repeat(w)));
  return print;
};

/** phase | measured ms | kernel floor ms | ratio (and the ratio to floor / T with T threads). */
function printFloors(r: ProverBenchResult): void {
  const f = r.kernel_floor_ms!;
  const T = r.workers;
  console.log(`\n2^${Math.log2(r.rows)} rows, ${T} thread(s): measured vs single-threaded kernel floor`);
  const head = ["phase", "measured ms", "kernel floor ms", "ratio", ...(T > 1 ? [`ratio to floor/${T}`] : [])];
  const print = table(head, 8, 16);
  const line = (name: string, measured: number, floor: number): void =>
    print([name, String(measured), floor.toFixed(0), (measured / Math.max(floor, 1)).toFixed(2), ...(T > 1 ? [((measured * T) / Math.max(floor, 1)).toFixed(2)] : [])]);
  let m = 0, fl = 0;
  for (const p of FLOOR_PHASES) {
    m += r.phases[p] ?? 0;
    fl += f[p]!;
    line(p.replace(/_ms$/, ""), r.phases[p] ?? 0, f[p]!);
  }
  line("total (modelled)", m, fl);
  console.log(`not modelled (checker, multiplicities, aux columns, grinding, queries, glue): ${r.prove_ms - m} ms`);
}

const results: ProverBenchResult[] = [];
const print = table(header, 9);
for (const logRows of logs) {
  const r = proverBench({ logRows, columns, security, workers, floors });
  results.push(r);
  print(row(r));
}
if (floors) results.forEach(printFloors);
await closeWorkerPools();
