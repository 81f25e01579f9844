// Jest helper: one test per RUN line of every `.mlir` file in a directory, and one per split
// (`// -----`) when the RUN line passes `--split-input-file`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { collectRunLines, parseRunCommand } from "./run-lines.js";
import { splitInputFile } from "./split-input.js";
import { runMlirCommand, type Tool } from "./run-mlir-test.js";

export interface MlirTestOptions {
  /** Tools callable from RUN lines, e.g. `{ "zkmlir-opt": runOpt }`. */
  tools: Readonly<Record<string, Tool>>;
}

const SPLIT_FLAGS = new Set(["--split-input-file", "-split-input-file"]);

/** A planned test: the name jest shows and the function that runs it. */
export interface MlirTestCase {
  name: string;
  run: () => Promise<void>;
}

/** The test cases of one `.mlir` file (used by describeMlirTests; handy to call directly). */
export function mlirTestCases(file: string, opts: MlirTestOptions): MlirTestCase[] {
  const text = readFileSync(file, "utf8");
  const runs = collectRunLines(text);
  const out: MlirTestCase[] = [];
  for (const r of runs) {
    const cmd = parseRunCommand(r.command, r.line, file);
    if (!cmd.toolArgs.some((a) => SPLIT_FLAGS.has(a))) {
      out.push({ name: `RUN at line ${r.line}`, run: async () => void (await runMlirCommand(cmd, file, opts.tools)) });
      continue;
    }
    for (const chunk of splitInputFile(text)) {
      out.push({ name: `RUN at line ${r.line}, split at line ${chunk.line}`, run: async () => void (await runMlirCommand(cmd, file, opts.tools, chunk.text)) });
    }
  }
  return out;
}

/** Declares a jest `describe` per `.mlir` file in `dir` with one test per RUN line (and split). */
export function describeMlirTests(dir: string, opts: MlirTestOptions): void {
  const files = readdirSync(dir).filter((f) => f.endsWith(".mlir")).sort();
  if (!files.length) throw new Error(`describeMlirTests: no .mlir files in ${dir}`);
  for (const f of files) {
    const path = join(dir, f);
    describe(f, () => {
      const cases = mlirTestCases(path, opts);
      if (!cases.length) throw new Error(`${path}: no RUN lines`);
      for (const c of cases) test(c.name, c.run);
    });
  }
}
