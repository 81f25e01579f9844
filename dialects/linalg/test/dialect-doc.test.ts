// The generated dialect docs reflect the declarations, and the committed docs/dialects/*.md are
// current (regenerate with scripts/gen-dialect-docs.mjs).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDialectDoc, type Dialect } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "@zkmlir/arith";
import { TensorDialect } from "@zkmlir/tensor";
import { MathDialect } from "@zkmlir/math";
import { LinalgDialect } from "../src/index.js";

// dist/test/ -> workspace -> dialects -> repo root
const DOCS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "docs", "dialects");

test("the doc lists every op with its attributes, defaults and regions", () => {
  const md = generateDialectDoc(LinalgDialect);
  for (const op of LinalgDialect.ops) expect(md).toContain(`### \`${op.name}\``);
  expect(md).toContain("| `strides` | 64-bit signless int elements attribute of shape [2] | default `dense<1> : tensor<2xi64>` |");
  expect(md).toContain("| `cast` | #linalg.type_fn<cast_signed\\|cast_unsigned> | default `#linalg.type_fn<cast_signed>` |");
  expect(md).toContain("**Regions**: `region`");
});

for (const d of [FuncDialect, ArithDialect, LinalgDialect, TensorDialect, MathDialect] as Dialect[]) {
  test(`docs/dialects/${d.name}.md is up to date`, () => {
    expect(readFileSync(join(DOCS, `${d.name}.md`), "utf8")).toBe(generateDialectDoc(d));
  });
}
