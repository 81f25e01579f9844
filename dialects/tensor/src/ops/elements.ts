// Element-level tensor ops: extract, insert, from_elements, dim, concat.
import {
  defineOp, Operation, Pure, AnyRankedTensor, AnyTensor, Index, IndexType, I64Attr, IntegerAttr, IntegerType, RankedTensorType, DYNAMIC, elementTypeOf,
  type UnresolvedOperand, type Value,
} from "@zkmlir/core";


function parseIndices(p: import("@zkmlir/core").OpParser): UnresolvedOperand[] {
  const refs: UnresolvedOperand[] = [];
  p.expect("[");
  if (!p.consume("]")) {
    do refs.push(p.parseOperandRef());
    while (p.consume(","));
    p.expect("]");
  }
  return refs;
}

export const ExtractOp = defineOp({
  name: "tensor.extract",
  summary: "element extraction operation",
  description: "The element of `tensor` at `indices` (one index per dimension; out of bounds is an error in the interpreter).",
  operands: [{ name: "tensor", type: AnyRankedTensor }, { name: "indices", type: Index, arity: "variadic" }],
  results: [{ name: "result" }],
  traits: [Pure],
  verify: (op) => {
    const t = op.operand(0).type as RankedTensorType;
    if (op.operands.length - 1 !== t.rank) return `incorrect number of indices for extract_element: ${op.operands.length - 1} for rank ${t.rank}`;
    return op.result(0).type === t.elementType ? undefined : `result type must be the element type '${t.elementType.key}'`;
  },
  format: {
    print(op, p) { p.write(` ${p.valueName(op.operand(0))}[`); p.printOperands(op.operandValues.slice(1)); p.write("]"); p.printOptionalAttrDict(op); p.write(` : ${op.operand(0).type.key}`); },
    parse(p, name) {
      const t = p.parseOperandRef();
      const idx = parseIndices(p);
      const attrs = p.parseOptionalAttrDict();
      const ty = p.parseColonType();
      return Operation.create({ name, operands: [p.resolveOperand(t, ty), ...idx.map((r) => p.resolveOperand(r, IndexType.get()))], resultTypes: [elementTypeOf(ty)], attributes: attrs });
    },
  },
});

export const InsertOp = defineOp({
  name: "tensor.insert",
  summary: "element insertion operation",
  description: "`dest` with the element at `indices` replaced by `scalar`.",
  operands: [{ name: "scalar" }, { name: "dest", type: AnyRankedTensor }, { name: "indices", type: Index, arity: "variadic" }],
  results: [{ name: "result", type: AnyRankedTensor }],
  traits: [Pure],
  verify: (op) => {
    const t = op.operand(1).type as RankedTensorType;
    if (op.result(0).type !== t) return "result type must match dest type";
    if (op.operands.length - 2 !== t.rank) return `incorrect number of indices: ${op.operands.length - 2} for rank ${t.rank}`;
    return op.operand(0).type === t.elementType ? undefined : `scalar type must be the element type '${t.elementType.key}'`;
  },
  format: {
    print(op, p) { p.write(` ${p.valueName(op.operand(0))} into ${p.valueName(op.operand(1))}[`); p.printOperands(op.operandValues.slice(2)); p.write("]"); p.printOptionalAttrDict(op); p.write(` : ${op.operand(1).type.key}`); },
    parse(p, name) {
      const s = p.parseOperandRef();
      p.parseKeyword("into");
      const d = p.parseOperandRef();
      const idx = parseIndices(p);
      const attrs = p.parseOptionalAttrDict();
      const ty = p.parseColonType();
      return Operation.create({ name, operands: [p.resolveOperand(s, elementTypeOf(ty)), p.resolveOperand(d, ty), ...idx.map((r) => p.resolveOperand(r, IndexType.get()))], resultTypes: [ty], attributes: attrs });
    },
  },
});

export const FromElementsOp = defineOp({
  name: "tensor.from_elements",
  summary: "tensor from elements operation.",
  description: "A static tensor holding the operands in row-major order.",
  operands: [{ name: "elements", arity: "variadic" }],
  results: [{ name: "result", type: AnyRankedTensor }],
  traits: [Pure],
  verify: (op) => {
    const t = op.result(0).type as RankedTensorType;
    if (!t.hasStaticShape) return "result must have a static shape";
    if (op.operands.length !== t.numElements) return `expects ${t.numElements} elements for '${t.key}', got ${op.operands.length}`;
    return op.operands.every((o) => o.value.type === t.elementType) ? undefined : `elements must have the element type '${t.elementType.key}'`;
  },
  format: {
    print(op, p) { p.write(" "); p.printOperands(op.operandValues); p.printOptionalAttrDict(op); p.write(` : ${op.result(0).type.key}`); },
    parse(p, name) {
      const refs: UnresolvedOperand[] = [];
      if (p.is("percent_id")) { do refs.push(p.parseOperandRef()); while (p.consume(",")); }
      const attrs = p.parseOptionalAttrDict();
      const ty = p.parseColonType();
      return Operation.create({ name, operands: refs.map((r) => p.resolveOperand(r, elementTypeOf(ty))), resultTypes: [ty], attributes: attrs });
    },
  },
});

export const DimOp = defineOp({
  name: "tensor.dim",
  summary: "dimension index operation",
  description: "The size of dimension `index` of `source` (out of range is an error in the interpreter).",
  operands: [{ name: "source", type: AnyTensor }, { name: "index", type: Index }],
  results: [{ name: "result", type: Index }],
  traits: [Pure],
  format: {
    print(op, p) { p.write(` ${p.valueName(op.operand(0))}, ${p.valueName(op.operand(1))}`); p.printOptionalAttrDict(op); p.write(` : ${op.operand(0).type.key}`); },
    parse(p, name) {
      const s = p.parseOperandRef();
      p.expect(",");
      const i = p.parseOperandRef();
      const attrs = p.parseOptionalAttrDict();
      const ty = p.parseColonType();
      return Operation.create({ name, operands: [p.resolveOperand(s, ty), p.resolveOperand(i, IndexType.get())], resultTypes: [IndexType.get()], attributes: attrs });
    },
  },
});

export const ConcatOp = defineOp({
  name: "tensor.concat",
  summary: "tensor concatenation operation",
  description: "Concatenates the inputs along dimension `dim`; all other dimensions must agree.",
  operands: [{ name: "inputs", type: AnyRankedTensor, arity: "variadic" }],
  results: [{ name: "result", type: AnyRankedTensor }],
  attributes: { dim: { constraint: I64Attr } },
  traits: [Pure],
  verify: (op) => {
    if (!op.operands.length) return "requires at least one input";
    const res = op.result(0).type as RankedTensorType;
    const d = Number((op.getAttr("dim") as IntegerAttr).value);
    if (!(d >= 0 && d < res.rank)) return `concatenation dim must be less than the tensor rank (${res.rank}), got ${d}`;
    let sum = 0, dyn = false;
    for (const [i, o] of op.operandValues.entries()) {
      const t = o.type as RankedTensorType;
      if (t.rank !== res.rank || t.elementType !== res.elementType) return `input #${i} '${t.key}' must have the rank and element type of the result`;
      for (let k = 0; k < res.rank; k++) {
        if (k === d) continue;
        if (t.shape[k] !== DYNAMIC && res.shape[k] !== DYNAMIC && t.shape[k] !== res.shape[k]) return `input #${i} dimension ${k} is ${t.shape[k]}, result has ${res.shape[k]}`;
      }
      if (t.shape[d] === DYNAMIC) dyn = true;
      else sum += t.shape[d]!;
    }
    return dyn || res.shape[d] === DYNAMIC || res.shape[d] === sum ? undefined : `result dimension ${d} is ${res.shape[d]}, expected ${sum} (the sum of the inputs')`;
  },
});

/** `tensor.concat dim(d) inputs : ... -> resultType`. */
export function createConcat(dim: number, inputs: readonly Value[], resultType: RankedTensorType): Operation {
  return Operation.create({ name: "tensor.concat", operands: inputs, resultTypes: [resultType], properties: { dim: IntegerAttr.get(dim, IntegerType.get(64)) } });
}
