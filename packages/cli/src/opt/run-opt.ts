// zkmlir-opt's main: parse (each split chunk), verify, run the pipeline, print. Output is written
// only when every chunk succeeded; diagnostics go to stderr with locations (exit 1); anything
// that is not a ZkmlirError is an internal error (exit 2), never a stack trace.
import { readFileSync, writeFileSync } from "node:fs";
import {
  IRPrintingInstrumentation, PassManager, PassTimingInstrumentation, ZkmlirError, parseModule, parsePassPipeline,
  passRegistry, passStatisticsReport, printOp, verify, type Context, type PassRegistry,
} from "@zkmlir/core";
import { parseExpectedDiagnostics, splitInputFile, verifyDiagnostics, type EmittedDiagnostic, type ToolIO } from "@zkmlir/testkit";
import { optHelp, parseOptArgs, type OptArgs } from "./opt-args.js";
import { createOptContext, registerAllPasses } from "./opt-context.js";

export interface RunOptOptions {
  registry?: PassRegistry;
}

export function runOpt(argv: readonly string[], io: ToolIO, opts: RunOptOptions = {}): number {
  const registry = opts.registry ?? passRegistry;
  try {
    registerAllPasses();
    const args = parseOptArgs(argv, registry);
    if (args.help) {
      io.stdout(optHelp(registry));
      return 0;
    }
    return new OptRun(args, io, registry).run();
  } catch (e) {
    return reportError(e, io);
  }
}

function reportError(e: unknown, io: ToolIO): number {
  if (e instanceof ZkmlirError) {
    io.stderr(e.format() + "\n");
    return 1;
  }
  io.stderr(`error: internal: ${e instanceof Error ? e.message : String(e)}\n`);
  return 2;
}

function toDiagnostic(e: ZkmlirError): EmittedDiagnostic {
  const m = /:(\d+):(\d+)$/.exec(e.loc?.diagnosticPrefix()?.replace(/ \(.*\)$/, "") ?? "");
  return { severity: "error", message: e.message, line: m ? Number(m[1]) : undefined, col: m ? Number(m[2]) : undefined };
}

class OptRun {
  private readonly ctx: Context;
  private readonly timing?: PassTimingInstrumentation;
  private readonly pm: PassManager;
  private readonly file: string;

  constructor(private readonly args: OptArgs, private readonly io: ToolIO, registry: PassRegistry) {
    this.ctx = createOptContext(args.allowUnregisteredDialect);
    this.file = args.input === "-" ? "<stdin>" : args.input;
    this.pm = new PassManager(this.ctx, "builtin.module", { verifyEach: args.verifyEach });
    const text = args.passPipeline ?? args.passFlags.join(",");
    this.pm.addPipeline(parsePassPipeline(text, { registry, defaultAnchor: "builtin.module" }));
    const printOptions = this.printOptions();
    const wantsIr = args.printIrAfterAll || args.printIrBeforeAll || args.printIrAfter.length || args.printIrBefore.length || args.printIrAfterChange || args.printIrAfterFailure;
    if (wantsIr) {
      this.pm.addInstrumentation(new IRPrintingInstrumentation({
        afterAll: args.printIrAfterAll, beforeAll: args.printIrBeforeAll, after: args.printIrAfter, before: args.printIrBefore,
        afterChange: args.printIrAfterChange, afterFailure: args.printIrAfterFailure, printOptions,
      }, (t) => io.stderr(t)));
    }
    if (args.timing) {
      this.timing = new PassTimingInstrumentation();
      this.pm.addInstrumentation(this.timing);
    }
  }

  private printOptions() {
    return { generic: this.args.printGeneric, debugInfo: this.args.printDebugInfo, elideElementsAttrsIfLarger: this.args.elideElementsAttrsIfLarger };
  }

  private readInput(): string {
    if (this.args.input === "-") return this.io.stdin ?? readFileSync(0, "utf8");
    try {
      return readFileSync(this.args.input, "utf8");
    } catch (e) {
      throw new ZkmlirError(`cannot read input file '${this.args.input}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }

  private time<T>(name: string, fn: () => T): T {
    return this.timing ? this.timing.time(name, fn) : fn();
  }

  /** Parses, verifies, transforms and prints one chunk; throws its first diagnostic. */
  private processChunk(text: string): string {
    const m = this.time("Parser", () => parseModule(text, { context: this.ctx, file: this.file }));
    this.time("Verifier", () => verify(m, { allowUnregistered: this.ctx.allowUnregistered }, this.ctx));
    this.pm.run(m);
    return this.time("Output", () => printOp(m, this.printOptions()));
  }

  run(): number {
    const start = performance.now();
    const src = this.readInput();
    const chunks = this.args.splitInputFile ? splitInputFile(src).map((c) => c.text) : [src];
    const outputs: string[] = [];
    let failed = false;
    const problems: string[] = [];
    for (const chunk of chunks) {
      const emitted: EmittedDiagnostic[] = [];
      try {
        outputs.push(this.processChunk(chunk));
      } catch (e) {
        if (!(e instanceof ZkmlirError)) throw e;
        if (!this.args.verifyDiagnostics) {
          this.io.stderr(e.format() + "\n");
          failed = true;
          continue;
        }
        emitted.push(toDiagnostic(e));
      }
      if (this.args.verifyDiagnostics) problems.push(...verifyDiagnostics(parseExpectedDiagnostics(chunk, this.file), emitted, this.file));
    }
    if (problems.length) {
      this.io.stderr(problems.join("\n") + "\n");
      failed = true;
    }
    if (this.timing) this.io.stderr(this.timing.report(performance.now() - start));
    if (this.args.passStatistics) this.io.stderr(passStatisticsReport(this.pm));
    if (failed) return 1;
    const out = outputs.map((o) => o.trimEnd() + "\n").join("// -----\n");
    if (this.args.output && this.args.output !== "-") writeFileSync(this.args.output, out);
    else this.io.stdout(out);
    return 0;
  }
}
