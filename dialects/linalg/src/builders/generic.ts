import { StringAttr, type AffineMap, type Attribute, type Location, type Operation, type Value } from "@zkmlir/core";
import { iteratorTypesAttr, mapsAttr, type IteratorKind } from "../attrs.js";
import { buildStructured, type BodyFn } from "./structured.js";

export interface GenericInit {
  inputs: readonly Value[];
  outputs: readonly Value[];
  /** One map per operand: inputs, then outputs. */
  indexingMaps: readonly AffineMap[];
  iteratorTypes: readonly IteratorKind[];
  /** Receives one scalar per operand (inputs then outputs); returns one value per output. */
  body: BodyFn;
  doc?: string;
  libraryCall?: string;
  /** Discardable attributes. */
  attributes?: Record<string, Attribute | undefined>;
  loc?: Location;
}

/** Creates a detached `linalg.generic` (insert it with `Builder.insert`). */
export function createGeneric(init: GenericInit): Operation {
  return buildStructured({
    name: "linalg.generic",
    inputs: init.inputs,
    outputs: init.outputs,
    body: init.body,
    properties: {
      indexing_maps: mapsAttr(init.indexingMaps),
      iterator_types: iteratorTypesAttr(init.iteratorTypes),
      doc: init.doc !== undefined ? new StringAttr(init.doc) : undefined,
      library_call: init.libraryCall !== undefined ? new StringAttr(init.libraryCall) : undefined,
    },
    attributes: init.attributes,
    loc: init.loc,
  });
}
