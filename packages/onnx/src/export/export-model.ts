// onnx dialect module -> ModelProto bytes (protobufjs + onnx-proto): the function's arguments are
// graph inputs, onnx.Constant ops initializers, every other onnx op a node, the returned values
// graph outputs (an Identity node where a returned value is an input, an initializer or returned
// twice). Known intermediate types go to value_info so runtimes check them against their own.
import { StringAttr, type Operation } from "@zkmlir/core";
import { constantDenseValue, onnxPositions, tensorOfDense } from "@zkmlir/onnx-dialect";
import { describeSite } from "../import/node-location.js";
import { MAX_OPSET } from "../opset/supported-opset.js";
import { onnx, type ModelProto, type NodeProto, type TensorProto, type ValueInfoProto } from "../proto/onnx-proto.js";
import { tensorToProto } from "../proto/tensor-proto.js";
import { nodeAttributes } from "./attributes.js";
import { OnnxExportError } from "./export-error.js";
import { valueInfoOf } from "./value-info.js";
import { onnxNameAt, ValueNames } from "./value-names.js";

export interface ExportOptions {
  /** Function to export (default "main", else the module's only function). */
  readonly funcName?: string;
  /** Default-domain opset to declare (default MAX_OPSET: the dialect's ops have latest semantics). */
  readonly opset?: number;
  /** ModelProto.ir_version (default 8, the newest onnx-proto's schema knows). */
  readonly irVersion?: number;
  /** Emit value_info for intermediate values (default true). */
  readonly valueInfo?: boolean;
  readonly graphName?: string;
}

function findFunc(module: Operation, name: string | undefined): Operation {
  const funcs: Operation[] = [];
  module.walk((op) => { if (op.name === "func.func") funcs.push(op); });
  const sym = (f: Operation): string => (f.getAttr("sym_name") as StringAttr | undefined)?.value ?? "";
  const f = funcs.find((g) => sym(g) === (name ?? "main")) ?? (name === undefined && funcs.length === 1 ? funcs[0] : undefined);
  if (!f) throw new OnnxExportError(`no function @${name ?? "main"} to export (functions: ${funcs.map(sym).join(", ") || "none"})`);
  return f;
}

const where = (op: Operation): string => describeSite(op.loc, op.name.replace(/^onnx\./, ""));

/** The ModelProto of `module`'s function. */
export function exportModelProto(module: Operation, opts: ExportOptions = {}): ModelProto {
  const fn = findFunc(module, opts.funcName);
  const body = fn.regions[0]?.entry;
  if (!body) throw new OnnxExportError(`function @${(fn.getAttr("sym_name") as StringAttr).value} has no body`);
  const ret = body.last;
  if (ret?.name !== "func.return") throw new OnnxExportError("the function does not end in func.return");
  const names = new ValueNames();
  const inputs: ValueInfoProto[] = body.args.map((a, i) => {
    const n = names.reserve(onnxNameAt(fn.getAttr("arg_attrs"), i) ?? `input_${i}`);
    names.set(a, n);
    return valueInfoOf(n, a.type, `input ${i} '${n}'`);
  });
  const outNames = ret.operands.map((_, i) => names.reserve(onnxNameAt(fn.getAttr("res_attrs"), i) ?? `output_${i}`));
  // A returned node result takes the output name itself; inputs, constants and repeats get an Identity.
  const identities: NodeProto[] = [];
  ret.operands.forEach((o, i) => {
    const v = o.value;
    const def = v.definingOp;
    if (def && def.name !== "onnx.Constant" && !names.has(v)) names.set(v, outNames[i]!);
    else identities.push({ opType: "Identity", name: `${outNames[i]}_identity`, input: [names.of(v)], output: [outNames[i]!], domain: "" });
  });
  const initializers: TensorProto[] = [];
  const nodes: NodeProto[] = [];
  const valueInfo: ValueInfoProto[] = [];
  for (let op = body.first; op && op !== ret; op = op.next) {
    if (!op.name.startsWith("onnx.")) throw new OnnxExportError(`${where(op)}: '${op.name}' is not an onnx op`);
    if (op.regions.length) throw new OnnxExportError(`${where(op)}: ops with subgraphs are not supported by the exporter`);
    if (op.name === "onnx.Constant") {
      const d = constantDenseValue(op);
      if (!d) throw new OnnxExportError(`${where(op)}: constant value has no tensor form`);
      initializers.push(tensorToProto(tensorOfDense(d), names.of(op.result(0))));
      continue;
    }
    const opType = op.name.slice("onnx.".length);
    const input = onnxPositions(op, "operands").map((k) => (k < 0 ? "" : names.of(op.operand(k))));
    const output = onnxPositions(op, "results").map((k) => (k < 0 ? "" : names.of(op.result(k))));
    const name = names.reserve(`${opType}_${nodes.length}`);
    nodes.push({ opType, domain: "", name, input, output, attribute: nodeAttributes(opType, op.properties, where(op)) });
    if (opts.valueInfo ?? true) {
      for (const r of op.results) if (!outNames.includes(names.of(r))) valueInfo.push(valueInfoOf(names.of(r), r.type, where(op)));
    }
  }
  const outputs = ret.operands.map((o, i) => valueInfoOf(outNames[i]!, o.value.type, `output ${i} '${outNames[i]}'`));
  return {
    irVersion: opts.irVersion ?? 8,
    producerName: "zkmlir",
    opsetImport: [{ domain: "", version: opts.opset ?? MAX_OPSET }],
    graph: { name: opts.graphName ?? "main", node: [...nodes, ...identities], initializer: initializers, input: inputs, output: outputs, valueInfo },
  };
}

/** Serialized ModelProto of `module`'s function. */
export function exportModel(module: Operation, opts: ExportOptions = {}): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create(exportModelProto(module, opts))).finish();
}
