#!/usr/bin/env node
// Generates src/schema/ops.generated.ts from ONNX's Operators.md (current version of every op:
// attributes, inputs, outputs, type constraints) and Changelog.md (every earlier version).
// Plain node, no dependencies. Usage: node dialects/onnx/tools/gen-schema.mjs [--check] [SCHEMA_DIR]
// (--check: fail if the committed table differs from a fresh generation)
// (default: ../shared/onnx-schema beside the repository).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const here = fileURLToPath(new URL(".", import.meta.url));
const schemaDir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? join(here, "../../../../shared/onnx-schema");
const outFile = join(here, "../src/schema/ops.generated.ts");

const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#8734;/g, "inf").replace(/&amp;/g, "&").trim();

/** Split Operators.md into one chunk per `### <a name="...">` heading. */
function sections(md) {
  const out = [];
  const re = /^### (?:<sub>[^<]*<\/sub> )?<a name="([^"]+)"><\/a>.*$/gm; // "experimental" ops carry a <sub> tag
  const heads = [...md.matchAll(re)];
  heads.forEach((m, i) => out.push({ anchor: m[1], deprecated: /\(deprecated\)/.test(m[0]), experimental: /<sub>experimental<\/sub>/.test(m[0]), body: md.slice(m.index, heads[i + 1]?.index ?? md.length) }));
  return out;
}

/** The `<dt>` lines of the `<dl>` following a `#### Title` line. */
function dtLines(body, title) {
  const at = body.search(new RegExp(`^#### ${title}\\b.*$`, "m"));
  if (at < 0) return [];
  const dlStart = body.indexOf("<dl>", at);
  const dlEnd = body.indexOf("</dl>", dlStart);
  if (dlStart < 0 || dlEnd < 0) return [];
  const next = body.slice(at + 4).search(/^#### /m);
  if (next >= 0 && at + 4 + next < dlStart) return []; // section without a list
  return [...body.slice(dlStart, dlEnd).matchAll(/<dt>(.*?)<\/dt>/gs)].map((m) => unescape(m[1]));
}

const ATTR_TYPES = {
  "int": "int", "float": "float", "string": "string", "tensor": "tensor", "graph": "graph", "sparse_tensor": "sparse_tensor",
  "type_proto": "type_proto", "list of ints": "ints", "list of floats": "floats", "list of strings": "strings",
  "list of tensors": "tensors", "list of graphs": "graphs", "list of sparse_tensors": "sparse_tensors", "list of type_protos": "type_protos",
};

function parseDefault(type, raw) {
  if (type === "int" || type === "float") return Number(raw);
  if (type === "string") return raw;
  if (type === "ints" || type === "floats") {
    const items = raw.replace(/^\[|\]$/g, "").split(",").map((s) => s.trim().replace(/^'|'$/g, "")).filter(Boolean);
    return items.map(Number);
  }
  if (type === "strings") return raw.replace(/^\[|\]$/g, "").split(",").map((s) => s.trim().replace(/^'|'$/g, "")).filter(Boolean);
  return raw;
}

function parseAttr(line, op) {
  const m = /^<tt>([^<]+)<\/tt> : ([a-z_ ]+?)\s*(?:\((required|default is (.*))\))?$/s.exec(line);
  if (!m) throw new Error(`${op}: cannot parse attribute line: ${line}`);
  const type = ATTR_TYPES[m[2].trim()];
  if (!type) throw new Error(`${op}: unknown attribute type '${m[2]}'`);
  const attr = { name: m[1], type, required: m[3] === "required" };
  if (m[4] !== undefined) attr.default = parseDefault(type, m[4].trim());
  return attr;
}

function parseValue(line, op) {
  const m = /^<tt>([^<]+)<\/tt>(?: \(([^)]*)\))? : (.+)$/s.exec(line);
  if (!m) throw new Error(`${op}: cannot parse input/output line: ${line}`);
  const flags = (m[2] ?? "").split(",").map((s) => s.trim());
  return {
    name: m[1],
    optional: flags.includes("optional"),
    variadic: flags.includes("variadic"),
    heterogeneous: flags.includes("heterogeneous"),
    type: m[3].trim(),
  };
}

function parseConstraint(line, op) {
  const m = /^<tt>([^<]+)<\/tt> : (.+)$/s.exec(line);
  if (!m) throw new Error(`${op}: cannot parse type constraint line: ${line}`);
  // Split on commas outside parentheses: "tensor(float), seq(tensor(float))".
  const types = [];
  let depth = 0, cur = "";
  for (const ch of m[2]) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) { types.push(cur.trim()); cur = ""; } else cur += ch;
  }
  if (cur.trim()) types.push(cur.trim());
  return { name: m[1], types };
}

function parseArity(body, title) {
  const m = new RegExp(`^#### ${title}(?: \\((\\d+) - ([^)]+)\\))?$`, "m").exec(body);
  if (!m) return { min: 0, max: 0 };
  if (m[1] === undefined) return undefined; // fixed: count of entries
  const max = unescape(m[2]);
  return { min: Number(m[1]), max: max === "inf" ? -1 : Number(max) };
}

function changelogVersions(md) {
  const versions = new Map();
  for (const m of md.matchAll(/^### <a name="([^"]+)-(\d+)"><\/a>/gm)) {
    const list = versions.get(m[1]) ?? [];
    list.push(Number(m[2]));
    versions.set(m[1], list);
  }
  return versions;
}

const operators = readFileSync(join(schemaDir, "Operators.md"), "utf8");
const changelog = changelogVersions(readFileSync(join(schemaDir, "Changelog.md"), "utf8"));

const ops = [];
for (const { anchor, deprecated, experimental, body } of sections(operators)) {
  if (experimental) continue; // unversioned preview ops (ai.onnx.preview.FlexAttention): no schema to pin
  const dot = anchor.lastIndexOf(".");
  const domain = dot < 0 ? "ai.onnx" : anchor.slice(0, dot);
  const name = dot < 0 ? anchor : anchor.slice(dot + 1);
  const since = /(?:available|deprecated) since version (\d+)/.exec(body);
  if (!since) throw new Error(`${anchor}: no since version`);
  const inputs = dtLines(body, "Inputs").map((l) => parseValue(l, anchor));
  const outputs = dtLines(body, "Outputs").map((l) => parseValue(l, anchor));
  const inArity = parseArity(body, "Inputs") ?? { min: inputs.length, max: inputs.length };
  const outArity = parseArity(body, "Outputs") ?? { min: outputs.length, max: outputs.length };
  const since_version = Number(since[1]);
  const versions = [...new Set([...(changelog.get(anchor) ?? []), since_version])].sort((a, b) => a - b);
  ops.push({
    name, domain, since_version, deprecated, versions,
    attributes: dtLines(body, "Attributes").map((l) => parseAttr(l, anchor)),
    inputs, outputs,
    min_inputs: inArity.min, max_inputs: inArity.max, min_outputs: outArity.min, max_outputs: outArity.max,
    type_constraints: dtLines(body, "Type Constraints").map((l) => parseConstraint(l, anchor)),
  });
}
ops.sort((a, b) => (a.domain + "." + a.name).localeCompare(b.domain + "." + b.name));

// Sanity checks: a parse that silently lost structure must fail here, not downstream.
const check = (ok, msg) => { if (!ok) throw new Error(`schema check failed: ${msg}`); };
check(ops.filter((o) => o.domain === "ai.onnx").length > 180, "too few ai.onnx ops");
for (const o of ops) {
  check(o.versions.at(-1) === o.since_version, `${o.name}: versions ${o.versions} do not end at ${o.since_version}`);
  if (o.deprecated) continue;
  const constraints = new Set(o.type_constraints.map((c) => c.name));
  for (const v of [...o.inputs, ...o.outputs]) {
    check(constraints.has(v.type) || /^(tensor|seq|optional|map|sparse_tensor)\(/.test(v.type), `${o.name}.${v.name}: type '${v.type}'`);
  }
  check(o.max_inputs === -1 || o.max_inputs >= o.min_inputs, `${o.name}: input arity`);
}
// An op's section must end at the next heading, experimental ones included (Xor precedes one).
check(ops.find((o) => o.name === "Xor" && o.domain === "ai.onnx")?.attributes.length === 0, "Xor has no attributes");
const softmax = ops.find((o) => o.name === "Softmax" && o.domain === "ai.onnx");
check(softmax?.attributes[0]?.default === -1 && softmax.since_version === 13, "Softmax axis default -1 since 13");

const header = `// GENERATED by dialects/onnx/tools/gen-schema.mjs from ONNX v1.22 Operators.md + Changelog.md.
// Do not edit: rerun \`node dialects/onnx/tools/gen-schema.mjs\`.
import type { OpSchema } from "./types.js";

`;
const body = `export const ONNX_OP_SCHEMAS: readonly OpSchema[] = ${JSON.stringify(ops, null, 1)};\n`;
const text = header + body;
if (process.argv.includes("--check")) {
  // CI-style check: the committed table is what the generator produces.
  check(readFileSync(outFile, "utf8") === text, `${outFile} is stale: rerun the generator`);
  console.log(`${outFile} is up to date (${ops.length} ops)`);
} else {
  writeFileSync(outFile, text);
  console.log(`wrote ${ops.length} op schemas to ${outFile}`);
}
