// Runs an ONNX model through the IR: import to onnx.* ops, verify, and interpret with the
// reference impl tables (the onnx ops call the same kernels as the graph executor).
import {
  BuiltinDialect, Context, Interpreter, InterpreterError, StringAttr, ZkmlirError, verify, type ImplTable, type Operation, type Tensor,
} from "@zkmlir/core";
import { ArithDialect, arithImpls } from "@zkmlir/arith";
import { FuncDialect, funcImpls } from "@zkmlir/func";
import { OnnxDialect, onnxImpls } from "@zkmlir/onnx-dialect";
import { OnnxExecError, OnnxGraphError, UnsupportedOpError } from "../errors.js";
import { checkInputs } from "../exec/check-inputs.js";
import type { TensorMap } from "../exec/run-graph.js";
import type { OnnxModel } from "../proto/model.js";
import { importModel, type ImportedModel, type ImportOptions } from "../import/import-model.js";
import { describeSite } from "../import/node-location.js";

/** The dialects an imported module uses. */
export const IR_CONTEXT = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect, OnnxDialect] });
/** Reference-domain implementations of onnx, func and arith ops. */
export const IR_REFERENCE_IMPLS: ImplTable = onnxImpls.merge(funcImpls, arithImpls);

export interface IrRunOptions extends Omit<ImportOptions, "inputs"> {
  readonly impls?: ImplTable;
  /**
   * Verify the imported IR (default true). Off only for models that break ONNX's own type
   * constraints yet run on the kernels (EZKL's tree models: MatMul on int8).
   */
  readonly verify?: boolean;
}

const onnxOpType = (op: Operation): string => (op.name.startsWith("onnx.") ? op.name.slice(5) : op.name);

/** Throws UnsupportedOpError for the first op no implementation covers (before running anything). */
export function checkSupported(module: Operation, impls: ImplTable): void {
  module.walk((op) => {
    if (op.name === "builtin.module" || op.name === "func.func" || impls.impls.has(op.name)) return;
    throw new UnsupportedOpError(`unsupported op ${onnxOpType(op)}: no ${impls.domain} implementation (${describeSite(op.loc, onnxOpType(op))})`);
  });
}

/** Runs an imported module's function on inputs by graph input name; outputs by name, in order. */
export function runImported(imported: ImportedModel, inputs: ReadonlyMap<string, Tensor>, impls: ImplTable = IR_REFERENCE_IMPLS): Map<string, Tensor> {
  checkSupported(imported.module, impls);
  const interp = new Interpreter(imported.module, impls);
  const sym = imported.func.getAttr("sym_name");
  const name = sym instanceof StringAttr ? sym.value : "main";
  let results: unknown[];
  try {
    results = interp.run(name, imported.inputNames.map((n) => inputs.get(n)));
  } catch (e) {
    if (!(e instanceof InterpreterError)) throw e;
    const op = e.message.match(/^'([^']+)': /)?.[1] ?? "";
    const msg = e.message.replace(/^'[^']+': /, "");
    const where = describeSite(e.loc, op.replace(/^onnx\./, ""));
    if (/^unsupported/i.test(msg)) throw new UnsupportedOpError(`${msg} (${where})`, { cause: e });
    throw new OnnxExecError(`${where}: ${msg}`, { cause: e });
  }
  return new Map(imported.outputNames.map((n, i) => [n, results[i] as Tensor]));
}

/** Imports and verifies a model with symbolic dims bound from `inputs` (and `opts.dims`). */
export function importForRun(model: OnnxModel, inputs: ReadonlyMap<string, Tensor>, opts: IrRunOptions = {}): ImportedModel {
  const imported = importModel(model, { ...opts, inputs });
  if (opts.verify === false) return imported;
  try {
    verify(imported.module, {}, IR_CONTEXT);
  } catch (e) {
    // The importer produced IR its own dialect rejects: a model the importer mistyped.
    if (e instanceof ZkmlirError) throw new OnnxGraphError(`${model.source}: imported IR does not verify: ${e.message} at ${describeSite(e.loc, "")}`, { cause: e });
    throw e;
  }
  return imported;
}

/** As runModel, through the IR: same inputs, same outputs (same kernels). */
export function runModelIr(model: OnnxModel, inputs: TensorMap, opts: IrRunOptions = {}): Map<string, Tensor> {
  const given = inputs instanceof Map ? inputs : new Map(Object.entries(inputs));
  checkInputs(model.graph, given, model.source);
  return runImported(importForRun(model, given, opts), given, opts.impls);
}
