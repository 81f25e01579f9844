// docs/dialects/onnx.md is generated from the declarations (scripts/gen-dialect-docs.mjs) and current.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDialectDoc } from "@zkmlir/core";
import { OnnxDialect } from "../src/index.js";

const DOCS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "docs", "dialects");

test("docs/dialects/onnx.md is up to date and lists every op", () => {
  const md = generateDialectDoc(OnnxDialect);
  for (const op of OnnxDialect.ops) expect(md).toContain(`### \`${op.name}\``);
  expect(readFileSync(join(DOCS, "onnx.md"), "utf8")).toBe(md);
});
