// IR infrastructure throughput on a generated module: parse, print, verify, canonicalize.
// Usage: node [--expose-gc] bench/ir-main.mjs [ops=100000] [reps=5]
// Each step is timed `reps` times on fresh input and the median is printed (the machine is shared).
import { runIrBench, Context, BuiltinDialect, PassManager, PassRegistry, parsePassPipeline } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "@zkmlir/arith";
import * as transforms from "@zkmlir/transforms";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect] });
let canonicalize;
if (transforms.registerTransformPasses) {
  // A private registry: the default one may already hold these passes (or another engineer's).
  const registry = new PassRegistry();
  transforms.registerTransformPasses(registry, ctx);
  canonicalize = (m) => {
    const pm = new PassManager(ctx, "builtin.module", { verifyEach: false });
    pm.addPipeline(parsePassPipeline("canonicalize", { registry }));
    pm.run(m);
  };
}
const n = Number(process.argv[2] ?? 100000);
const reps = Number(process.argv[3] ?? 5);
const rows = runIrBench(ctx, n, canonicalize, reps);
console.log(`IR infrastructure, generated module of ${n} ops, median of ${reps} runs (aim: parse and print >= 500k ops/s)`);
console.log(["step".padEnd(18), "ms".padStart(9), "ops/s".padStart(10)].join("  "));
for (const r of rows) console.log([r.name.padEnd(18), r.ms.toFixed(1).padStart(9), String(r.opsPerSec).padStart(10)].join("  "));
if (globalThis.gc) {
  // Bytes retained per op by a parsed module (heap after GC, module alive vs dropped).
  const { parseModule, generateModule } = await import("@zkmlir/core");
  const text = generateModule(n);
  gc();
  const before = process.memoryUsage().heapUsed;
  let m = parseModule(text, { context: ctx });
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(`retained after parse: ${((after - before) / n).toFixed(0)} bytes/op${m ? "" : ""}`);
  m = undefined;
}
