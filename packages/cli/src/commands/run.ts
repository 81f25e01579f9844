// `zkmlir run MODEL.onnx --input input.json | --input-pb a.pb ... [--level onnx]
// [--input-shape name=N,...] [--json]`: runs a model through the IR (import + interpreter) and
// prints its outputs in graph order, as JSON or as a readable summary.
import { ZkmlirError, type Tensor } from "@zkmlir/core";
import {
  importModel, loadEzklInput, loadModel, loadTensor, normalizeOpset, runModelIr, OnnxInputError, type OnnxModel,
} from "@zkmlir/onnx";
import { runAtLevel } from "@zkmlir/onnx-to-linalg";
import { parseDimBindings, reportUserError } from "./common.js";
import type { ToolIO } from "@zkmlir/testkit";
import type { ZkmlirCommand } from "../zkmlir/commands.js";

/** A bad command line. */
export class RunUsageError extends ZkmlirError {
  override name = "RunUsageError";
}

const LEVELS = ["onnx", "linalg", "linalg-fused"] as const;
const HELP = `USAGE: zkmlir run MODEL.onnx [options]

OPTIONS:
  --input FILE              EZKL input.json (input_data: one flat list per graph input)
  --input-pb A.pb [B.pb..]  serialized TensorProtos, one per graph input, in order
  --input-shape N=V,...     sizes of symbolic dims (e.g. batch_size=1; default 1, or from input data)
  --level L                 IR level to run at: onnx (the imported onnx.* ops, default), linalg
                            (lowered by convert-onnx-to-linalg), linalg-fused (and elementwise fusion)
  --json                    print {"outputs":[{"name","dims","data"}]}
`;

export interface RunArgs {
  model: string;
  inputJson?: string;
  inputPb: string[];
  dims: Map<string, number>;
  level: (typeof LEVELS)[number];
  json: boolean;
  help: boolean;
}

export function parseRunArgs(args: readonly string[]): RunArgs {
  const out: RunArgs = { model: "", inputPb: [], dims: new Map(), level: "onnx", json: false, help: false };
  const value = (i: number, flag: string): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith("--")) throw new RunUsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--help" || a === "-h") out.help = true;
    else if (a === "--json") out.json = true;
    else if (a === "--input") out.inputJson = value(i++, a);
    else if (a === "--input-pb") {
      while (args[i + 1] !== undefined && !args[i + 1]!.startsWith("--")) out.inputPb.push(args[++i]!);
      if (!out.inputPb.length) throw new RunUsageError("--input-pb needs at least one .pb file");
    } else if (a === "--level") {
      const l = value(i++, a);
      if (!(LEVELS as readonly string[]).includes(l)) throw new RunUsageError(`--level ${l} is not available (levels: ${LEVELS.join(", ")})`);
      out.level = l as RunArgs["level"];
    } else if (a === "--input-shape") parseDimBindings(value(i++, a), out.dims, (m) => new RunUsageError(m));
    else if (a.startsWith("-")) throw new RunUsageError(`unknown option '${a}'`);
    else if (!out.model) out.model = a;
    else throw new RunUsageError(`unexpected argument '${a}' (one model file)`);
  }
  if (!out.help && !out.model) throw new RunUsageError("no model file given");
  if (out.inputJson && out.inputPb.length) throw new RunUsageError("give --input or --input-pb, not both");
  return out;
}

function loadInputs(model: OnnxModel, args: RunArgs): Map<string, Tensor> {
  if (args.inputJson) return loadEzklInput(args.inputJson, model.graph);
  const declared = model.graph.inputs;
  if (!args.inputPb.length && declared.length) {
    throw new OnnxInputError(`${model.source}: missing input '${declared[0]!.name}' (give --input input.json or --input-pb FILE.pb...)`);
  }
  if (args.inputPb.length !== declared.length) {
    throw new OnnxInputError(`${model.source}: ${args.inputPb.length} input files given, the graph has ${declared.length} inputs (${declared.map((v) => v.name).join(", ") || "none"})`);
  }
  return new Map(declared.map((v, i) => [v.name, loadTensor(args.inputPb[i]!)]));
}

/** Imports, lowers to the level and interprets there (the differential check's lower side). */
function runLowered(model: OnnxModel, inputs: Map<string, Tensor>, args: RunArgs): Map<string, Tensor> {
  const imported = importModel(model, { dims: args.dims, inputs });
  const results = runAtLevel(imported.module, args.level as "linalg" | "linalg-fused", imported.inputNames.map((n) => inputs.get(n)!));
  return new Map(imported.outputNames.map((n, i) => [n, results[i]!]));
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** A JSON-safe element: NaN/Infinity as strings, int64 beyond 2^53 as a decimal string. */
function jsonElement(v: number | bigint): number | string {
  if (typeof v === "bigint") return v > MAX_SAFE || v < -MAX_SAFE ? v.toString() : Number(v);
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  return v;
}

export function outputsJson(outputs: ReadonlyMap<string, Tensor>): string {
  const list = [...outputs].map(([name, t]) => ({ name, dims: t.shape, data: Array.from(t.data as ArrayLike<number | bigint>, jsonElement) }));
  return JSON.stringify({ outputs: list });
}

function summary(outputs: ReadonlyMap<string, Tensor>): string {
  return [...outputs].map(([name, t]) => {
    const shown = Array.from((t.data as ArrayLike<number | bigint>), jsonElement).slice(0, 8).join(", ");
    return `${name}: ${t.dtype}[${t.shape.join(", ")}] = [${shown}${t.size > 8 ? `, ... (${t.size} values)` : ""}]\n`;
  }).join("");
}

export function runCommandMain(argv: readonly string[], io: ToolIO): number {
  try {
    const args = parseRunArgs(argv);
    if (args.help) {
      io.stdout(HELP);
      return 0;
    }
    const model = normalizeOpset(loadModel(args.model));
    const inputs = loadInputs(model, args);
    const outputs = args.level === "onnx" ? runModelIr(model, inputs, { dims: args.dims }) : runLowered(model, inputs, args);
    io.stdout(args.json ? outputsJson(outputs) + "\n" : summary(outputs));
    return 0;
  } catch (e) {
    return reportUserError(e, io);
  }
}

export const runCommand: ZkmlirCommand = {
  name: "run",
  summary: "run an ONNX model through the IR on given inputs",
  run: (args, io) => runCommandMain(args, io),
};
