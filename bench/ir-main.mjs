// IR infrastructure throughput on a generated 100k-op module: parse, print, verify, canonicalize.
import { runIrBench, Context, BuiltinDialect, PassManager, parsePassPipeline } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "@zkmlir/arith";
import * as transforms from "@zkmlir/transforms";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect] });
transforms.registerTransformPasses?.();
const canonicalize = transforms.registerTransformPasses
  ? (m) => {
      const pm = new PassManager(ctx, "builtin.module", { verifyEach: false });
      pm.addPipeline(parsePassPipeline("canonicalize"));
      pm.run(m);
    }
  : undefined;
const n = Number(process.argv[2] ?? 100000);
const rows = runIrBench(ctx, n, canonicalize);
console.log(`IR infrastructure, generated module of ${n} ops (aim: parse and print >= 500k ops/s)`);
console.log(["step".padEnd(18), "ms".padStart(9), "ops/s".padStart(10)].join("  "));
for (const r of rows) console.log([r.name.padEnd(18), r.ms.toFixed(1).padStart(9), String(r.opsPerSec).padStart(10)].join("  "));
