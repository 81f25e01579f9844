// Named op -> the equivalent linalg.generic (upstream's `linalg-generalize-named-ops`): same
// operands, the view's maps and iterators, and a copy of the region.
import { Operation, IRMapping, cloneRegionInto, elementTypeOf } from "@zkmlir/core";
import { structuredView, viewMaps } from "./view.js";
import { iteratorTypesAttr, mapsAttr } from "../attrs.js";
import { segmentSizes } from "../builders/structured.js";

/** A detached linalg.generic computing what structured op `op` computes. */
export function generalize(op: Operation): Operation {
  const v = structuredView(op);
  const g = Operation.create({
    name: "linalg.generic",
    operands: [...v.inputs, ...v.outputs],
    resultTypes: op.resultTypes,
    properties: {
      indexing_maps: mapsAttr(viewMaps(v, op.name)),
      iterator_types: iteratorTypesAttr(v.iterators),
      operandSegmentSizes: segmentSizes(v.inputs.length, v.outputs.length),
    },
    regions: 1,
    loc: op.loc,
  });
  cloneRegionInto(op.region(0), g.region(0), new IRMapping());
  // linalg.map's body has no output arguments; generic's has one per output (unused here).
  if (v.bodyArgs === "inputs") for (const o of v.outputs) g.region(0).entry!.addArg(elementTypeOf(o.type));
  return g;
}
