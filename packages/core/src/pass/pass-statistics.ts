// `--mlir-pass-statistics`: the statistics each pass bumped (Pass.stat), printed per pipeline as
// MLIR's pass statistics report. A pass instance accumulates over every op it ran on.
import { OpPassManager } from "./op-pass-manager.js";
import { passDisplayName } from "./instrumentation.js";

const RULE = "===" + "-".repeat(73) + "===";

export function passStatisticsReport(pm: OpPassManager): string {
  const lines = [RULE, "                         ... Pass statistics report ...", RULE];
  const walk = (m: OpPassManager, depth: number): void => {
    for (const it of m.items) {
      const pad = "  ".repeat(depth);
      if (it instanceof OpPassManager) {
        lines.push(`${pad}'${it.anchor}' Pipeline`);
        walk(it, depth + 1);
        continue;
      }
      lines.push(`${pad}${passDisplayName(it)}`);
      const stats = [...it.statistics.entries()].sort(([a], [b]) => a.localeCompare(b));
      const width = Math.max(0, ...stats.map(([, v]) => String(v).length));
      for (const [name, v] of stats) lines.push(`${pad}  (S) ${String(v).padStart(width)} ${name}`);
    }
  };
  walk(pm, 0);
  return lines.join("\n") + "\n";
}
