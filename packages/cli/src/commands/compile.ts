// `zkmlir compile MODEL.onnx [--emit LEVEL] [-o FILE|DIR]`: imports a model and lowers it level by
// level. With --emit, prints (or writes to FILE) that one level; without it, writes every level
// built so far into DIR as <level>.mlir.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassManager, ZkmlirError, parsePassPipeline, printOp, type Operation, type PrintOptions } from "@zkmlir/core";
import { importModel, loadModel, normalizeOpset } from "@zkmlir/onnx";
import { parseDimBindings, reportUserError } from "./common.js";
import { LOWERING_CONTEXT } from "@zkmlir/onnx-to-linalg";
import { registerAllPasses } from "../opt/opt-context.js";
import type { ToolIO } from "@zkmlir/testkit";
import type { ZkmlirCommand } from "../zkmlir/commands.js";

/** The levels built so far, in pipeline order, each with the passes that produce it from the previous. */
export const COMPILE_LEVELS = ["onnx", "linalg"] as const;
type Level = (typeof COMPILE_LEVELS)[number];

const HELP = `USAGE: zkmlir compile MODEL.onnx [options]

Imports the model (onnx level: imported, then onnx-simplify: shape inference and constant folding)
and lowers it (linalg level: convert-onnx-to-linalg, then linalg-fuse-elementwise).

OPTIONS:
  --emit LEVEL              print only this level: ${COMPILE_LEVELS.join(", ")}
  -o, --output PATH         with --emit: the file to write; without: a directory for every level
  --input-shape N=V,...     sizes of symbolic dims (e.g. batch_size=1; default 1)
  --mlir-print-op-generic   print the generic form (what the real mlir-opt reads)
  --mlir-print-debuginfo    print locations (ONNX node names)
  --mlir-elide-elementsattrs-if-larger N
                            print weights with more than N elements as dense_resource<__elided__>
`;

class CompileUsageError extends ZkmlirError {
  override name = "CompileUsageError";
}

interface CompileArgs {
  model: string;
  emit?: Level;
  output?: string;
  dims: Map<string, number>;
  print: PrintOptions;
  help: boolean;
}

function parseCompileArgs(args: readonly string[]): CompileArgs {
  const out: CompileArgs = { model: "", dims: new Map(), print: {}, help: false };
  const value = (i: number, flag: string): string => {
    const v = args[i + 1];
    if (v === undefined || (v.startsWith("-") && v !== "-")) throw new CompileUsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const val = (): string => inline ?? value(i++, flag);
    if (flag === "--help" || flag === "-h") out.help = true;
    else if (flag === "--emit") {
      const l = val();
      if (!(COMPILE_LEVELS as readonly string[]).includes(l)) throw new CompileUsageError(`--emit ${l}: unknown level (levels: ${COMPILE_LEVELS.join(", ")})`);
      out.emit = l as Level;
    } else if (flag === "-o" || flag === "--output") out.output = val();
    else if (flag === "--input-shape") parseDimBindings(val(), out.dims, (m) => new CompileUsageError(m)); else if (flag === "--mlir-print-op-generic") out.print.generic = true;
    else if (flag === "--mlir-print-debuginfo") out.print.debugInfo = true;
    else if (flag === "--mlir-elide-elementsattrs-if-larger") {
      const n = Number(val());
      if (!Number.isInteger(n) || n < 0) throw new CompileUsageError("--mlir-elide-elementsattrs-if-larger expects a non-negative integer");
      out.print.elideElementsAttrsIfLarger = n;
    } else if (a.startsWith("-")) throw new CompileUsageError(`unknown option '${a}'`);
    else if (!out.model) out.model = a;
    else throw new CompileUsageError(`unexpected argument '${a}' (one model file)`);
  }
  if (!out.help && !out.model) throw new CompileUsageError("no model file given");
  return out;
}

/** Runs the pipeline up to `last`, handing each finished level to `emit` (a printed copy). */
export function compileLevels(modelPath: string, dims: ReadonlyMap<string, number>, last: Level, emit: (level: Level, module: Operation) => void): void {
  const model = normalizeOpset(loadModel(modelPath));
  const { module } = importModel(model, { dims });
  // Each level is a registered pipeline, the same ones zkmlir-opt runs by name.
  registerAllPasses();
  const run = (pipeline: string) => {
    const pm = new PassManager(LOWERING_CONTEXT);
    pm.addPipeline(parsePassPipeline(pipeline));
    pm.run(module);
  };
  run("builtin.module(onnx-simplify)");
  emit("onnx", module);
  if (last === "onnx") return;
  run("builtin.module(onnx-to-linalg)");
  emit("linalg", module);
}

export function compileCommandMain(argv: readonly string[], io: ToolIO): number {
  try {
    const args = parseCompileArgs(argv);
    if (args.help) {
      io.stdout(HELP);
      return 0;
    }
    const texts = new Map<Level, string>();
    compileLevels(args.model, args.dims, args.emit ?? COMPILE_LEVELS[COMPILE_LEVELS.length - 1]!, (level, m) => {
      if (!args.emit || args.emit === level) texts.set(level, printOp(m, args.print));
    });
    // Nothing is written until every requested level was built.
    if (args.emit) {
      const text = texts.get(args.emit)!;
      if (args.output && args.output !== "-") writeFileSync(args.output, text);
      else io.stdout(text);
    } else {
      if (!args.output) throw new CompileUsageError("without --emit, give -o DIR to write every level");
      mkdirSync(args.output, { recursive: true });
      for (const [level, text] of texts) writeFileSync(join(args.output, `${level}.mlir`), text);
      io.stdout(`wrote ${[...texts.keys()].map((l) => join(args.output!, `${l}.mlir`)).join(", ")}\n`);
    }
    return 0;
  } catch (e) {
    return reportUserError(e, io);
  }
}

export const compileCommand: ZkmlirCommand = {
  name: "compile",
  summary: "import an ONNX model and lower it level by level (--emit onnx|linalg, -o FILE|DIR)",
  run: (args, io) => compileCommandMain(args, io),
};
