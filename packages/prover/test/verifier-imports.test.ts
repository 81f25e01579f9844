// The verifier must run in a browser bundle: its import graph holds no Node-only module and
// no use of Buffer, fs, process or worker_threads.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

function importGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, "utf8");
    seen.set(file, text);
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)/g)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith(".")) stack.push(resolve(dirname(file), spec));
      else seen.set(`bare:${spec}`, "");
    }
  }
  return seen;
}

test.each(["verify-bytes.js", "protocol/verifier.js"])("%s imports nothing Node-only", (entry) => {
  const graph = importGraph(resolve(srcDir, entry));
  expect(graph.size).toBeGreaterThan(5);
  const bare = [...graph.keys()].filter((k) => k.startsWith("bare:")).map((k) => k.slice(5));
  for (const b of bare) expect(b).toMatch(/^@noble\/hashes\//);
  // small: none of the prover's machinery
  for (const heavy of ["protocol/prover.js", "protocol/quotient.js", "protocol/commit.js", "protocol/fri.js", "merkle/merkle-tree.js", "util/random.js", "circuit/checker.js"]) {
    expect(graph.has(resolve(srcDir, heavy))).toBe(false);
  }
  for (const [file, text] of graph) {
    if (file.startsWith("bare:")) continue;
    const code = text.replace(/\/\/.*$/gm, "");
    for (const word of ["Buffer", "process.", "worker_threads", "node:", "require("]) {
      if (code.includes(word)) throw new Error(`${file} uses ${word}`);
    }
  }
});
