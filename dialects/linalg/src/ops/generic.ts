// linalg.generic: a loop nest over `iterator_types`, reading each operand through its indexing
// map and computing the outputs' elements with the region (destination-passing: `outs` hold the
// initial values, reductions accumulate into them).
import { defineOp, SingleBlock, ArrayOf, AffineMapAttrC, StringAttrC, AnyRankedTensor } from "@zkmlir/core";
import { IteratorTypeC, affineMaps, iteratorKinds } from "../attrs.js";
import { registerStructured } from "../structured/view.js";
import { verifyStructured } from "../structured/verify.js";
import { genericFormat } from "./generic-format.js";

export const GenericOp = defineOp({
  name: "linalg.generic",
  summary: "Generic Linalg op form where the key properties of the computation are specified as attributes",
  description: "Iterates the loop nest given by `iterator_types`; operand i is read (or written, for `outs`) at `indexing_maps[i]` applied to the loop indices. The region receives one scalar per operand (inputs then outputs) and yields the new output elements with `linalg.yield`.",
  operands: [{ name: "inputs", arity: "variadic" }, { name: "outputs", arity: "variadic" }],
  results: [{ name: "result_tensors", type: AnyRankedTensor, arity: "variadic" }],
  attributes: {
    indexing_maps: { constraint: ArrayOf(AffineMapAttrC), doc: "one affine map per operand, from loop indices to operand indices" },
    iterator_types: { constraint: ArrayOf(IteratorTypeC), doc: "`#linalg.iterator_type<parallel|reduction>` per loop" },
    doc: { constraint: StringAttrC, optional: true },
    library_call: { constraint: StringAttrC, optional: true },
  },
  regions: [{ name: "region" }],
  traits: [SingleBlock],
  verify: verifyStructured,
  format: genericFormat,
});

registerStructured("linalg.generic", (op) => ({
  inputs: GenericOp.operandGroup(op, "inputs"),
  outputs: GenericOp.operandGroup(op, "outputs"),
  maps: affineMaps(op.getAttr("indexing_maps")) ?? "indexing_maps must be an array of affine maps",
  iterators: iteratorKinds(op.getAttr("iterator_types")) ?? [],
  bodyArgs: "all",
}));
