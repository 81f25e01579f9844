// Throughput of the IR infrastructure on a generated module (run by `npm run bench`).
import { parseModule } from "../text/parser.js";
import { printOp } from "../text/printer.js";
import { verify } from "../verify/verifier.js";
import type { Context } from "../ir/context.js";
import type { Operation } from "../ir/operation.js";

export interface BenchRow { name: string; ops: number; ms: number; opsPerSec: number }

/**
 * A module of `n` ops in generic form: chains of unregistered-but-structured ops in functions of
 * 1,000 ops each, with constants, multiple results and attributes, so parsing exercises the lexer,
 * SSA scopes, types and attributes.
 */
export function generateModule(n: number, custom = (i: number, a: string, b: string) =>
  `%${i} = "arith.addi"(${a}, ${b}) : (i32, i32) -> i32`): string {
  const lines: string[] = ["module {"];
  const perFunc = 1000;
  for (let f = 0; f * perFunc < n; f++) {
    const count = Math.min(perFunc, n - f * perFunc);
    lines.push(`  func.func @f${f}(%a: i32, %b: i32) -> i32 {`);
    lines.push(`    %0 = "arith.constant"() <{value = ${f} : i32}> : () -> i32`);
    for (let i = 1; i < count - 1; i++) lines.push(`    ${custom(i, i % 7 === 0 ? "%a" : `%${i - 1}`, i % 5 === 0 ? "%b" : `%${Math.max(0, i - 2)}`)}`);
    lines.push(`    "func.return"(%${Math.max(0, count - 2)}) : (i32) -> ()`);
    lines.push("  }");
  }
  lines.push("}");
  return lines.join("\n");
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Times each step `reps` times (after one warm-up parse) and reports the median: the machine is
 * shared, so a single run is noise. Canonicalize mutates the module, so it runs on a fresh parse.
 */
export function runIrBench(ctx: Context, n = 100_000, canonicalize?: (m: Operation) => void, reps = 1): BenchRow[] {
  const text = generateModule(n);
  // The custom form is what zkmlir-opt prints and reads back.
  const customText = printOp(parseModule(text, { context: ctx })); // also the warm-up
  parseModule(customText, { context: ctx });
  const samples: Record<string, number[]> = { "parse (generic)": [], "parse (custom)": [], "print (generic)": [], "print (custom)": [], verify: [] };
  if (canonicalize) samples["canonicalize"] = [];
  for (let r = 0; r < Math.max(1, reps); r++) {
    const [m, parseMs] = time(() => parseModule(text, { context: ctx }));
    samples["parse (generic)"]!.push(parseMs);
    samples["parse (custom)"]!.push(time(() => parseModule(customText, { context: ctx }))[1]);
    samples["print (generic)"]!.push(time(() => printOp(m, { generic: true }))[1]);
    samples["print (custom)"]!.push(time(() => printOp(m))[1]);
    samples["verify"]!.push(time(() => verify(m, {}, ctx))[1]);
    if (canonicalize) samples["canonicalize"]!.push(time(() => canonicalize(m))[1]);
  }
  return Object.entries(samples).map(([name, ms]) => {
    const t = median(ms);
    return { name, ops: n, ms: t, opsPerSec: Math.round((n / t) * 1000) };
  });
}
