// zkmlir-opt's command line, mlir-opt style: long options with one or two dashes, `--x=v` or
// `--x v`, and every registered pass as its own flag (`--cse`, `--canonicalize="max-iterations=3"`)
// appended to the pipeline in command-line order.
import { ZkmlirError, type PassRegistry } from "@zkmlir/core";

export class UsageError extends ZkmlirError {
  override name = "UsageError";
}

export interface OptArgs {
  input: string;
  output?: string;
  passPipeline?: string;
  /** `--<pass>[=opts]` flags, as pipeline elements (`cse`, `canonicalize{max-iterations=3}`). */
  passFlags: string[];
  printGeneric: boolean;
  printDebugInfo: boolean;
  printIrAfterAll: boolean;
  printIrBeforeAll: boolean;
  printIrAfter: string[];
  printIrBefore: string[];
  printIrAfterChange: boolean;
  printIrAfterFailure: boolean;
  timing: boolean;
  passStatistics: boolean;
  verifyDiagnostics: boolean;
  splitInputFile: boolean;
  allowUnregisteredDialect: boolean;
  elideElementsAttrsIfLarger?: number;
  verifyEach: boolean;
  help: boolean;
}

type Kind = "bool" | "string" | "int" | "list";
const OPTIONS: Record<string, { key: keyof OptArgs; kind: Kind; help: string }> = {
  "o": { key: "output", kind: "string", help: "output file (default stdout)" },
  "pass-pipeline": { key: "passPipeline", kind: "string", help: "textual pass pipeline, e.g. builtin.module(func.func(cse))" },
  "mlir-print-op-generic": { key: "printGeneric", kind: "bool", help: "print every op in the generic form" },
  "mlir-print-debuginfo": { key: "printDebugInfo", kind: "bool", help: "print locations" },
  "mlir-print-ir-after-all": { key: "printIrAfterAll", kind: "bool", help: "print IR after every pass" },
  "mlir-print-ir-before-all": { key: "printIrBeforeAll", kind: "bool", help: "print IR before every pass" },
  "mlir-print-ir-after": { key: "printIrAfter", kind: "list", help: "print IR after the named passes (comma list)" },
  "mlir-print-ir-before": { key: "printIrBefore", kind: "list", help: "print IR before the named passes (comma list)" },
  "mlir-print-ir-after-change": { key: "printIrAfterChange", kind: "bool", help: "print IR after a pass only when it changed it" },
  "mlir-print-ir-after-failure": { key: "printIrAfterFailure", kind: "bool", help: "print IR after a pass that failed" },
  "mlir-timing": { key: "timing", kind: "bool", help: "print the execution time report" },
  "mlir-pass-statistics": { key: "passStatistics", kind: "bool", help: "print pass statistics" },
  "verify-diagnostics": { key: "verifyDiagnostics", kind: "bool", help: "check expected-error/warning/note annotations" },
  "split-input-file": { key: "splitInputFile", kind: "bool", help: "process each '// -----' chunk separately" },
  "allow-unregistered-dialect": { key: "allowUnregisteredDialect", kind: "bool", help: "accept ops of unknown dialects" },
  "mlir-elide-elementsattrs-if-larger": { key: "elideElementsAttrsIfLarger", kind: "int", help: "elide dense elements larger than N" },
  "verify-each": { key: "verifyEach", kind: "bool", help: "verify after each pass (default true)" },
  "help": { key: "help", kind: "bool", help: "show this help" },
};

export function parseOptArgs(argv: readonly string[], registry: PassRegistry): OptArgs {
  const a: OptArgs = {
    input: "-", passFlags: [], printGeneric: false, printDebugInfo: false, printIrAfterAll: false, printIrBeforeAll: false,
    printIrAfter: [], printIrBefore: [], printIrAfterChange: false, printIrAfterFailure: false, timing: false,
    passStatistics: false, verifyDiagnostics: false, splitInputFile: false, allowUnregisteredDialect: false, verifyEach: true, help: false,
  };
  let input: string | undefined;
  const rec = a as unknown as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-" || !arg.startsWith("-")) {
      if (input !== undefined) throw new UsageError(`more than one input file: '${input}' and '${arg}'`);
      input = arg;
      continue;
    }
    const body = arg.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    const inline = eq < 0 ? undefined : body.slice(eq + 1);
    const spec = OPTIONS[name];
    if (!spec) {
      if (registry.has(name)) {
        a.passFlags.push(inline ? `${name}{${inline}}` : name);
        continue;
      }
      throw new UsageError(`unknown option '${arg}' (not a zkmlir-opt option or a registered pass; see --help)`);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`option '${arg}' needs a value`);
      return v;
    };
    if (spec.kind === "bool") {
      if (inline === undefined || inline === "true") rec[spec.key] = true;
      else if (inline === "false") rec[spec.key] = false;
      else throw new UsageError(`option '${arg}' expects true or false`);
    } else if (spec.kind === "int") {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`option '-${name}' expects a non-negative integer, got '${v}'`);
      rec[spec.key] = Number.parseInt(v, 10);
    } else if (spec.kind === "list") (rec[spec.key] as string[]).push(...value().split(","));
    else rec[spec.key] = value();
  }
  a.input = input ?? "-";
  if (a.passPipeline !== undefined && a.passFlags.length) {
    throw new UsageError(`--pass-pipeline cannot be combined with individual pass flags (--${a.passFlags[0]!.replace(/\{.*/, "")})`);
  }
  return a;
}

export function optHelp(registry: PassRegistry): string {
  const lines = ["USAGE: zkmlir-opt [options] <input file | ->", "", "OPTIONS:"];
  for (const [n, s] of Object.entries(OPTIONS)) lines.push(`  --${(n + (s.kind === "bool" ? "" : "=<value>")).padEnd(42)} ${s.help}`);
  lines.push("", "Passes (each also a flag: --<pass> or --<pass>=\"opt=v ...\"):");
  for (const p of registry.passInfos) {
    lines.push(`  --${p.argument.padEnd(42)} ${p.description}`);
    for (const [o, spec] of Object.entries(p.optionSpecs)) lines.push(`      ${(o + "=<" + spec.type + ">").padEnd(40)} ${spec.description}`);
  }
  for (const p of registry.pipelineInfos) lines.push(`  --${p.argument.padEnd(42)} ${p.description} (pipeline)`);
  return lines.join("\n") + "\n";
}
