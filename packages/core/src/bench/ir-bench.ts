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

export function runIrBench(ctx: Context, n = 100_000, canonicalize?: (m: Operation) => void): BenchRow[] {
  const text = generateModule(n);
  parseModule(text, { context: ctx }); // warm-up
  const [m, parseMs] = time(() => parseModule(text, { context: ctx }));
  const [, printMs] = time(() => printOp(m, { generic: true }));
  const [, prettyMs] = time(() => printOp(m));
  const [, verifyMs] = time(() => verify(m, {}, ctx));
  const rows: BenchRow[] = [
    { name: "parse (generic)", ops: n, ms: parseMs, opsPerSec: 0 },
    { name: "print (generic)", ops: n, ms: printMs, opsPerSec: 0 },
    { name: "print (custom)", ops: n, ms: prettyMs, opsPerSec: 0 },
    { name: "verify", ops: n, ms: verifyMs, opsPerSec: 0 },
  ];
  if (canonicalize) {
    const [, cMs] = time(() => canonicalize(m));
    rows.push({ name: "canonicalize", ops: n, ms: cMs, opsPerSec: 0 });
  }
  for (const r of rows) r.opsPerSec = Math.round((r.ops / r.ms) * 1000);
  return rows;
}
