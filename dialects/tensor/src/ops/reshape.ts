// Reshapes that keep the row-major element order: expand_shape / collapse_shape (grouped by a
// `reassociation` of dimensions; MLIR 19's expand_shape also carries `static_output_shape`),
// reshape (shape from a tensor operand) and cast (static <-> dynamic dimensions).
import {
  defineOp, Operation, Pure, AnyRankedTensor, AnyTensor, Index, ArrayAttr, IntegerAttr, IntegerType, DenseArrayOf, RankedTensorType, DYNAMIC, elementTypeOf,
  attrC, type Attribute, type Type, type Value,
} from "@zkmlir/core";
import { DYNAMIC_I64, i64Array, staticValues } from "./mixed.js";

export const ReassociationC = attrC("array of arrays of i64 dimension indices", (a) =>
  a instanceof ArrayAttr && a.elements.every((g) => g instanceof ArrayAttr && g.elements.every((e) => e instanceof IntegerAttr)));

export function reassociation(a: Attribute | undefined): number[][] {
  return a instanceof ArrayAttr ? a.elements.map((g) => (g as ArrayAttr).elements.map((e) => Number((e as IntegerAttr).value))) : [];
}
export const reassociationAttr = (groups: readonly (readonly number[])[]): ArrayAttr =>
  new ArrayAttr(groups.map((g) => new ArrayAttr(g.map((d) => IntegerAttr.get(d, IntegerType.get(64))))));

/** Checks `groups` partition 0..expanded.rank-1 in order and each group's size product is the collapsed dim. */
function checkGroups(groups: number[][], expanded: RankedTensorType, collapsed: RankedTensorType): string | undefined {
  if (groups.length !== collapsed.rank) return `reassociation has ${groups.length} groups but the collapsed type '${collapsed.key}' has rank ${collapsed.rank}`;
  let next = 0;
  for (let g = 0; g < groups.length; g++) {
    const grp = groups[g]!;
    if (!grp.length || grp.some((d, i) => d !== next + i)) return `reassociation group ${g} must list consecutive dimensions starting at ${next}`;
    next += grp.length;
    const dims = grp.map((d) => expanded.shape[d]!);
    const c = collapsed.shape[g]!;
    if (dims.includes(DYNAMIC) || c === DYNAMIC) {
      if (c !== DYNAMIC && dims.includes(DYNAMIC)) return `collapsed dimension ${g} is static but its group has dynamic dimensions`;
      continue;
    }
    const prod = dims.reduce((a, b) => a * b, 1);
    if (prod !== c) return `reassociation group ${g} has size ${prod} but collapsed dimension ${g} is ${c}`;
  }
  return next === expanded.rank ? undefined : `reassociation covers ${next} dimensions, expected ${expanded.rank}`;
}

export const ExpandShapeOp = defineOp({
  name: "tensor.expand_shape",
  summary: "operation to produce a tensor with a higher rank",
  description: "Splits each source dimension into the result dimensions of its reassociation group; `static_output_shape` (with `output_shape` operands for dynamic entries) gives the result shape.",
  operands: [{ name: "src", type: AnyRankedTensor }, { name: "output_shape", type: Index, arity: "variadic" }],
  results: [{ name: "result", type: AnyRankedTensor }],
  attributes: { reassociation: { constraint: ReassociationC }, static_output_shape: { constraint: DenseArrayOf("i64") } },
  traits: [Pure],
  verify: (op) => {
    const res = op.result(0).type as RankedTensorType, src = op.operand(0).type as RankedTensorType;
    if (elementTypeOf(res) !== elementTypeOf(src)) return "source and result element types must match";
    const sos = staticValues(op, "static_output_shape");
    if (sos.length !== res.rank || sos.some((v, i) => (v === DYNAMIC_I64 ? DYNAMIC : v) !== res.shape[i])) return `static_output_shape [${sos.join(", ")}] must match the result type '${res.key}'`;
    if (sos.filter((v) => v === DYNAMIC_I64).length !== op.operands.length - 1) return "expected one output_shape operand per dynamic dimension";
    return checkGroups(reassociation(op.getAttr("reassociation")), res, src);
  },
});

export const CollapseShapeOp = defineOp({
  name: "tensor.collapse_shape",
  summary: "operation to produce a tensor with a smaller rank",
  description: "Merges each reassociation group of source dimensions into one result dimension.",
  operands: [{ name: "src", type: AnyRankedTensor }],
  results: [{ name: "result", type: AnyRankedTensor }],
  attributes: { reassociation: { constraint: ReassociationC } },
  traits: [Pure],
  verify: (op) => {
    const res = op.result(0).type as RankedTensorType, src = op.operand(0).type as RankedTensorType;
    if (elementTypeOf(res) !== elementTypeOf(src)) return "source and result element types must match";
    return checkGroups(reassociation(op.getAttr("reassociation")), src, res);
  },
});

export const ReshapeOp = defineOp({
  name: "tensor.reshape",
  summary: "tensor reshape operation",
  description: "Reshapes `source` to the shape held by the 1-D `shape` tensor (row-major order is kept).",
  operands: [{ name: "source", type: AnyTensor }, { name: "shape", type: AnyRankedTensor }],
  results: [{ name: "result", type: AnyTensor }],
  traits: [Pure],
  verify: (op) => {
    const src = op.operand(0).type, sh = op.operand(1).type as RankedTensorType, res = op.result(0).type;
    if (elementTypeOf(src) !== elementTypeOf(res)) return "element types of source and destination tensor types should be the same";
    if (sh.rank !== 1) return "shape operand must be a 1-D tensor";
    if (res instanceof RankedTensorType && sh.shape[0] !== DYNAMIC && sh.shape[0] !== res.rank) return `length of shape operand (${sh.shape[0]}) differs from the result's rank (${res.rank})`;
    if (src instanceof RankedTensorType && res instanceof RankedTensorType && src.hasStaticShape && res.hasStaticShape && src.numElements !== res.numElements) return "source and destination tensor should have the same number of elements";
    return undefined;
  },
});

/** Two types are cast-compatible: same element type and rank, static dims equal where both are static. */
export function castCompatible(a: Type, b: Type): boolean {
  if (elementTypeOf(a) !== elementTypeOf(b)) return false;
  if (!(a instanceof RankedTensorType) || !(b instanceof RankedTensorType)) return true;
  return a.rank === b.rank && a.shape.every((d, i) => d === DYNAMIC || b.shape[i] === DYNAMIC || d === b.shape[i]);
}

export const CastOp = defineOp({
  name: "tensor.cast",
  summary: "tensor cast operation",
  description: "Converts between tensor types that differ only in static/dynamic dimensions (and rankedness).",
  operands: [{ name: "source", type: AnyTensor }],
  results: [{ name: "dest", type: AnyTensor }],
  traits: [Pure],
  verify: (op) => (castCompatible(op.operand(0).type, op.result(0).type) ? undefined : `operand type '${op.operand(0).type.key}' and result type '${op.result(0).type.key}' are cast incompatible`),
  format: {
    print(op, p) { p.write(` ${p.valueName(op.operand(0))}`); p.printOptionalAttrDict(op); p.write(` : ${op.operand(0).type.key} to ${op.result(0).type.key}`); },
    parse(p, name) {
      const r = p.parseOperandRef();
      const attrs = p.parseOptionalAttrDict();
      const from = p.parseColonType();
      p.parseKeyword("to");
      const to = p.parseType();
      return Operation.create({ name, operands: [p.resolveOperand(r, from)], resultTypes: [to], attributes: attrs });
    },
  },
});

/** `tensor.expand_shape src reassociation output_shape [...]` for a static result type. */
export function createExpandShape(src: Value, resultType: RankedTensorType, groups: readonly (readonly number[])[], dynamicSizes: readonly Value[] = []): Operation {
  return Operation.create({
    name: "tensor.expand_shape", operands: [src, ...dynamicSizes], resultTypes: [resultType],
    properties: { reassociation: reassociationAttr(groups), static_output_shape: i64Array(resultType.shape.map((d) => (d === DYNAMIC ? DYNAMIC_I64 : d))) },
  });
}
/** `tensor.collapse_shape src reassociation`. */
export function createCollapseShape(src: Value, resultType: RankedTensorType, groups: readonly (readonly number[])[]): Operation {
  return Operation.create({ name: "tensor.collapse_shape", operands: [src], resultTypes: [resultType], properties: { reassociation: reassociationAttr(groups) } });
}
