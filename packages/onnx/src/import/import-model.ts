// OnnxModel (opset-normalised) -> `builtin.module { func.func @main(...) -> (...) }` of onnx.* ops.
// - Graph inputs/outputs are the function's arguments/results; their ONNX names are kept as
//   arg/result attributes `{onnx.name = "input"}`; symbolic dims are bound (see dim-bindings.ts).
// - Initializers become onnx.Constant ops whose DenseElementsAttr shares the tensor's typed array.
// - Node outputs that are graph outputs take the declared output type; other outputs are
//   unranked tensors of their inferred element type (shape inference refines them later).
// - Locations: a node is `loc("name"("file":N:0))`, N = 1-based node index (ONNX files have no
//   lines); an initializer is `loc("name"("file":0:0))`; an unnamed node has only the file part.
import {
  ArrayAttr, DictionaryAttr, FileLineColLoc, FunctionType, NameLoc, Operation, RankedTensorType, StringAttr,
  Tensor, UnrankedTensorType, createModule, moduleBody, type Attribute, type Location, type Type, type Value,
} from "@zkmlir/core";
import { createFunc } from "@zkmlir/func";
import {
  attrOfPlain, createOnnxOp, denseOfTensor, elementTypeOfDType, getOpSchema, onnxOpDef, tensorElementType,
} from "@zkmlir/onnx-dialect";
import { OnnxGraphError, UnsupportedOpError } from "../errors.js";
import { describeNode, type OnnxModel, type OnnxNode, type OnnxValueInfo } from "../proto/model.js";
import { bindInputShapes, type DimBindingOptions } from "./dim-bindings.js";
import { inferOutputElementTypes } from "./infer-element-types.js";

export interface ImportOptions extends DimBindingOptions {
  /** Name of the generated function (default "main"). */
  readonly funcName?: string;
}

export interface ImportedModel {
  readonly module: Operation;
  readonly func: Operation;
  /** Graph input names, in argument order. */
  readonly inputNames: readonly string[];
  /** Graph output names, in result order. */
  readonly outputNames: readonly string[];
  /** Size given to each symbolic dim. */
  readonly symbols: ReadonlyMap<string, number>;
}

/** `{onnx.name = "x"}` as a function argument/result attribute. */
const nameAttr = (name: string): DictionaryAttr => new DictionaryAttr([["onnx.name", new StringAttr(name)]]);

function declaredType(v: OnnxValueInfo, shape: readonly number[] | undefined): Type {
  const elt = elementTypeOfDType(v.dtype);
  return shape ? RankedTensorType.get(shape, elt) : UnrankedTensorType.get(elt);
}

/** The static type of an ONNX Constant's value (`value`, or the scalar/list forms). */
function constantType(a: OnnxNode["attrs"], elt: Type): Type {
  if (a.value instanceof Tensor) return denseOfTensor(a.value).type;
  const list = a.value_floats ?? a.value_ints;
  return RankedTensorType.get(Array.isArray(list) ? [list.length] : [], elt);
}

/** The node's attributes as MLIR attributes typed by the operator's schema. */
function nodeAttributes(node: OnnxNode, where: string): Record<string, Attribute> {
  const schema = getOpSchema(node.opType)!;
  const kinds = new Map(schema.attributes.map((a) => [a.name, a.type]));
  const out: Record<string, Attribute> = {};
  for (const [name, v] of Object.entries(node.attrs)) {
    if (v === undefined) continue;
    const kind = kinds.get(name);
    if (!kind) throw new UnsupportedOpError(`unsupported attribute '${name}' of ${node.opType} (${where}): the ${node.opType} schema has ${[...kinds.keys()].join(", ") || "no attributes"}`);
    out[name] = attrOfPlain(kind, v, `'${name}' (${where})`);
  }
  return out;
}

export function importModel(model: OnnxModel, opts: ImportOptions = {}): ImportedModel {
  const { graph, source } = model;
  const bound = bindInputShapes(graph, source, opts);
  const argTypes = graph.inputs.map((v) => declaredType(v, bound.inputs.get(v.name)));
  // Symbolic dims bind from the inputs; on outputs they are only names (exporters reuse
  // `batch_size` for dims that are not the batch), so they stay dynamic for shape inference.
  const resultTypes = graph.outputs.map((v) => declaredType(v, v.dims && v.dims.map((d) => (typeof d === "number" ? d : -1))));
  const fn = createFunc(opts.funcName ?? "main", FunctionType.get(argTypes, resultTypes));
  fn.setAttr("arg_attrs", new ArrayAttr(graph.inputs.map((v) => nameAttr(v.name))));
  fn.setAttr("res_attrs", new ArrayAttr(graph.outputs.map((v) => nameAttr(v.name))));
  fn.loc = new FileLineColLoc(source, 0, 0);
  const module = createModule();
  moduleBody(module).append(fn);
  const body = fn.region(0).entry!;

  const values = new Map<string, Value>();
  graph.inputs.forEach((v, i) => values.set(v.name, body.args[i]!));
  for (const [name, t] of graph.initializers) {
    const value = denseOfTensor(t);
    const op = Operation.create({ name: "onnx.Constant", resultTypes: [value.type], properties: { value }, loc: new NameLoc(name, new FileLineColLoc(source, 0, 0)) });
    body.append(op);
    values.set(name, op.result(0));
  }
  // Graph output name -> declared type, for the node that defines it.
  const outputType = new Map<string, Type>();
  graph.outputs.forEach((o, i) => { if (!outputType.has(o.name)) outputType.set(o.name, resultTypes[i]!); });

  graph.nodes.forEach((node, index) => {
    const where = `${source}: ${describeNode(node, index)}`;
    if (node.domain !== "" || !onnxOpDef(node.opType)) {
      throw new UnsupportedOpError(`unsupported op ${node.domain ? `${node.domain}.` : ""}${node.opType} (${where})`);
    }
    const inputs = node.inputs.map((name) => {
      if (name === "") return undefined;
      const v = values.get(name);
      if (!v) throw new OnnxGraphError(`${where}: value '${name}' is not defined before use`);
      return v;
    });
    const elts = inferOutputElementTypes(node, inputs.map((v) => v && tensorElementType(v.type)), where);
    const outputs = node.outputs.map((name, k) => {
      const e = elts[k];
      if (name === "" || !e) return undefined;
      // onnx.Constant's type is its value's; a differing declared output type gets an Identity.
      if (node.opType === "Constant") return constantType(node.attrs, e);
      const declared = outputType.get(name);
      if (declared && tensorElementType(declared) === e) return declared;
      if (declared) throw new OnnxGraphError(`${where}: output '${name}' is ${e.key}, the graph declares ${declared.key}`);
      return UnrankedTensorType.get(e);
    });
    const file = new FileLineColLoc(source, index + 1, 0);
    const loc: Location = node.name ? new NameLoc(node.name, file) : file;
    let op: Operation;
    try {
      op = createOnnxOp({ opType: node.opType, inputs, outputs, attributes: nodeAttributes(node, where), loc });
    } catch (e) {
      if (e instanceof UnsupportedOpError || e instanceof OnnxGraphError) throw e;
      throw new OnnxGraphError(`${where}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    body.append(op);
    let r = 0;
    node.outputs.forEach((name, k) => { if (outputs[k]) values.set(name, op.result(r++)); });
  });

  const returned = graph.outputs.map((o, i) => {
    let v = values.get(o.name);
    if (!v) throw new OnnxGraphError(`${source}: graph output '${o.name}' is not defined`);
    if (v.type !== resultTypes[i]) {
      // An input, initializer or twice-listed output whose type differs from the declared one.
      const id = createOnnxOp({ opType: "Identity", inputs: [v], outputs: [resultTypes[i]!], loc: new NameLoc(o.name, new FileLineColLoc(source, 0, 0)) });
      body.append(id);
      v = id.result(0);
    }
    return v;
  });
  body.append(Operation.create({ name: "func.return", operands: returned, loc: fn.loc }));
  return { module, func: fn, inputNames: graph.inputs.map((v) => v.name), outputNames: graph.outputs.map((v) => v.name), symbols: bound.symbols };
}
