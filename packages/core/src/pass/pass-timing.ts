// `--mlir-timing`: wall time per pass and per nested pipeline, summed over every op they ran
// on, printed as MLIR's execution time report. Tools may add their own phases (Parser, Output).
import type { Operation } from "../ir/operation.js";
import type { Pass } from "./pass.js";
import { OpPassManager } from "./op-pass-manager.js";
import { passDisplayName, type PassInstrumentation } from "./instrumentation.js";

interface TimerNode {
  name: string;
  ms: number;
  children: TimerNode[];
}

const RULE = "===" + "-".repeat(73) + "===";

export class PassTimingInstrumentation implements PassInstrumentation {
  private readonly root: TimerNode = { name: "root", ms: 0, children: [] };
  private readonly nodes = new Map<object, TimerNode>();
  private readonly stack: { node: TimerNode; start: number }[] = [];
  private readonly clock: () => number;

  constructor(clock: () => number = () => performance.now()) {
    this.clock = clock;
  }

  private node(key: object, name: string): TimerNode {
    let n = this.nodes.get(key);
    if (!n) {
      n = { name, ms: 0, children: [] };
      this.nodes.set(key, n);
      (this.stack.at(-1)?.node ?? this.root).children.push(n);
    }
    return n;
  }
  private start(key: object, name: string): void {
    this.stack.push({ node: this.node(key, name), start: this.clock() });
  }
  private stop(): void {
    const top = this.stack.pop();
    if (top) top.node.ms += this.clock() - top.start;
  }

  /** Times a tool phase (parsing, printing) as a top-level row. */
  time<T>(name: string, fn: () => T): T {
    this.start({ phase: name }, name);
    try {
      return fn();
    } finally {
      this.stop();
    }
  }

  /** Depth of running pipelines; the outermost (the PassManager itself) gets no row, as in MLIR. */
  private pipelineDepth = 0;

  runBeforePipeline(pm: OpPassManager, _op: Operation): void {
    if (this.pipelineDepth++ > 0) this.start(pm, `'${pm.anchor}' Pipeline`);
  }
  runAfterPipeline(): void {
    if (--this.pipelineDepth > 0) this.stop();
  }
  runBeforePass(pass: Pass): void {
    this.start(pass, passDisplayName(pass));
  }
  runAfterPass(): void {
    this.stop();
  }
  runAfterPassFailed(): void {
    this.stop();
  }

  /** MLIR-style table; `total` defaults to the sum of the top-level rows. */
  report(totalMs?: number): string {
    const total = totalMs ?? this.root.children.reduce((s, c) => s + c.ms, 0);
    const lines = [RULE, "                         ... Execution time report ...", RULE];
    lines.push(`  Total Execution Time: ${(total / 1000).toFixed(4)} seconds`, "", "  ----Wall Time----  ----Name----");
    const row = (ms: number, name: string, depth: number): string => {
      const pct = total > 0 ? (100 * ms) / total : 0;
      return `  ${(ms / 1000).toFixed(4).padStart(8)} (${pct.toFixed(1).padStart(5)}%)  ${"  ".repeat(depth)}${name}`;
    };
    const walk = (n: TimerNode, depth: number): void => {
      for (const c of n.children) {
        lines.push(row(c.ms, c.name, depth));
        walk(c, depth + 1);
      }
    };
    walk(this.root, 0);
    lines.push(row(total, "Total", 0));
    return lines.join("\n") + "\n";
  }
}
