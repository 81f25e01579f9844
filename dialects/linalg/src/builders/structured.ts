// Shared construction of structured ops: operands, destination-passing results (one per tensor
// output), operandSegmentSizes where upstream has them, and a body built by a callback that
// returns the values to `linalg.yield`.
import {
  Operation, Block, Builder, InsertionPoint, DenseArrayAttr, IntegerType, RankedTensorType, elementTypeOf,
  type Attribute, type Location, type Type, type Value,
} from "@zkmlir/core";

/** Emits the body at `b` given the block arguments; returns the yielded values. */
export type BodyFn = (b: Builder, args: readonly Value[]) => readonly Value[];

export interface StructuredInit {
  name: string;
  inputs: readonly Value[];
  outputs: readonly Value[];
  /** Block argument types (default: element types of inputs then outputs). */
  argTypes?: readonly Type[];
  body: BodyFn;
  properties?: Record<string, Attribute | undefined>;
  attributes?: Record<string, Attribute | undefined>;
  /** Add `operandSegmentSizes = array<i32: #inputs, #outputs>` (generic and most named ops). */
  segments?: boolean;
  loc?: Location;
}

export function segmentSizes(...sizes: number[]): DenseArrayAttr {
  return new DenseArrayAttr(IntegerType.get(32), sizes);
}

export function buildStructured(init: StructuredInit): Operation {
  const props: Record<string, Attribute | undefined> = { ...init.properties };
  if (init.segments !== false) props.operandSegmentSizes = segmentSizes(init.inputs.length, init.outputs.length);
  const op = Operation.create({
    name: init.name,
    operands: [...init.inputs, ...init.outputs],
    resultTypes: init.outputs.map((o) => o.type).filter((t) => t instanceof RankedTensorType),
    properties: props,
    attributes: init.attributes,
    regions: 1,
    loc: init.loc,
  });
  const argTypes = init.argTypes ?? [...init.inputs, ...init.outputs].map((v) => elementTypeOf(v.type));
  const block = op.region(0).addBlock(new Block(argTypes));
  const b = new Builder(InsertionPoint.atEnd(block));
  if (init.loc) b.loc = init.loc;
  const values = init.body(b, block.args);
  b.create({ name: "linalg.yield", operands: values });
  return op;
}
