// Writes docs/dialects/<name>.md for each dialect from its op declarations.
// Run after building: `npx tsc -b dialects/linalg dialects/scf && node scripts/gen-dialect-docs.mjs`.
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDialectDoc } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "@zkmlir/arith";
import { LinalgDialect } from "@zkmlir/linalg";
import { TensorDialect } from "@zkmlir/tensor";
import { MathDialect } from "@zkmlir/math";
import { ScfDialect } from "@zkmlir/scf";
import { OnnxDialect } from "@zkmlir/onnx-dialect";

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "dialects");
mkdirSync(outDir, { recursive: true });
for (const d of [FuncDialect, ArithDialect, LinalgDialect, TensorDialect, MathDialect, ScfDialect, OnnxDialect]) {
  const file = join(outDir, `${d.name}.md`);
  writeFileSync(file, generateDialectDoc(d));
  console.log(`wrote ${file}`);
}
