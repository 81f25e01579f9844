// `zkmlir onnx-test DIR... [--path ir|graph] [--filter REGEX]`: ONNX backend test cases (folders
// with model.onnx + test_data_set_*, or light_X.onnx files), one line per case, then
// `N passed, N failed, N skipped`; exit 1 if any case FAILs.
import { existsSync } from "node:fs";
import { ZkmlirError } from "@zkmlir/core";
import { formatResult, formatSummary, runConformanceOn, summarize, type ExecPath } from "@zkmlir/onnx";
import type { ToolIO } from "@zkmlir/testkit";
import type { ZkmlirCommand } from "../zkmlir/commands.js";

export class OnnxTestUsageError extends ZkmlirError {
  override name = "OnnxTestUsageError";
}

const HELP = `USAGE: zkmlir onnx-test DIR... [options]

Each DIR is a case folder (model.onnx + test_data_set_*), a light_X.onnx file, or a folder of them.
OPTIONS:
  --path ir|graph   executor: the IR interpreter (default) or the reference graph executor
  --filter REGEX    only cases whose name matches
`;

export function onnxTestMain(argv: readonly string[], io: ToolIO): number {
  const dirs: string[] = [];
  let path: ExecPath = "ir";
  let filter: RegExp | undefined;
  try {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === "--help" || a === "-h") {
        io.stdout(HELP);
        return 0;
      } else if (a === "--path") {
        const p = argv[++i];
        if (p !== "ir" && p !== "graph") throw new OnnxTestUsageError(`--path must be ir or graph, got '${p ?? ""}'`);
        path = p;
      } else if (a === "--filter") {
        const f = argv[++i];
        if (f === undefined) throw new OnnxTestUsageError("--filter needs a regular expression");
        try { filter = new RegExp(f); } catch (e) { throw new OnnxTestUsageError(`--filter: ${(e as Error).message}`); }
      } else if (a.startsWith("-")) throw new OnnxTestUsageError(`unknown option '${a}'`);
      else dirs.push(a);
    }
    if (!dirs.length) throw new OnnxTestUsageError("no test folder given");
    for (const d of dirs) if (!existsSync(d)) throw new OnnxTestUsageError(`no such file or folder: ${d}`);
  } catch (e) {
    if (!(e instanceof OnnxTestUsageError)) throw e;
    io.stderr(`error: ${e.message}\n`);
    return 1;
  }
  const results = runConformanceOn(dirs, { path, ...(filter ? { filter } : {}), onResult: (r) => io.stdout(formatResult(r) + "\n") });
  const s = summarize(results);
  io.stdout(formatSummary(s) + "\n");
  return s.failed > 0 ? 1 : 0;
}

export const onnxTestCommand: ZkmlirCommand = {
  name: "onnx-test",
  summary: "run ONNX backend test cases (PASS/FAIL/UNSUPPORTED per case)",
  run: (args, io) => onnxTestMain(args, io),
};
