#!/usr/bin/env node
// Runs the ONNX backend conformance cases through the reference executor and prints one line per
// case and the summary. Build first: `npx tsc -b packages/onnx`.
// Usage: node packages/onnx/scripts/conformance.mjs [--filter REGEX] [--quiet] [DIR...]
// Default dirs: ../shared/onnx-tests/{node,pytorch-converted,pytorch-operator,simple} (light/ is slow: pass it explicitly).
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { runConformance, summarize, formatResult, formatSummary } from "../dist/src/index.js";

const tests = fileURLToPath(new URL("../../../../shared/onnx-tests/", import.meta.url));
const args = process.argv.slice(2);
let filter;
let quiet = false;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--filter") filter = new RegExp(args[++i]);
  else if (args[i] === "--quiet") quiet = true;
  else dirs.push(args[i]);
}
const roots = dirs.length ? dirs : ["node", "pytorch-converted", "pytorch-operator", "simple"].map((d) => join(tests, d));
const results = runConformance(roots, { filter, onResult: (r) => { if (!quiet || r.status === "FAIL") console.log(formatResult(r)); } });
console.log(formatSummary(summarize(results)));
