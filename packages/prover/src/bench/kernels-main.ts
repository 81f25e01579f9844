// Prints the kernel bench table: node packages/prover/dist/src/bench/kernels-main.js
import { runKernelBench } from "./kernels.js";

const rows = runKernelBench();
const header = ["name", "size", "time (ms)", "throughput"];
const cells = rows.map((r) => [r.name, r.size, r.ms.toFixed(2), r.throughput]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
const line = (c: string[]): string => c.map((x, i) => x.padEnd(widths[i]!)).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const c of cells) console.log(line(c));
