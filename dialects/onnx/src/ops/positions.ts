// ONNX positional inputs/outputs (with omitted optional slots) <-> MLIR operand/result groups.
// A node's i-th input is the op's i-th operand group; the trailing variadic input takes the rest.
import {
  DenseArrayAttr, IntegerType, Operation, type Attribute, type Location, type OpDef, type Region, type Type, type Value,
} from "@zkmlir/core";
import { onnxOpDef } from "./op-table.js";

/** A node that does not fit its operator's declaration (missing required input, ...). */
export class OnnxOpArityError extends Error {
  override name = "OnnxOpArityError";
}

/** Group sizes of a positional list; `present(i)` tells whether slot i holds a value. */
function groupSizes<T>(def: OpDef, kind: "operands" | "results", list: readonly (T | undefined)[]): number[] {
  const specs = kind === "operands" ? def.operands : def.results;
  const noun = kind === "operands" ? "input" : "output";
  if (specs.length === 0 && list.some((x) => x !== undefined)) throw new OnnxOpArityError(`'${def.name}' takes no ${noun}s, got ${list.length}`);
  const sizes: number[] = [];
  specs.forEach((s, i) => {
    const arity = s.arity ?? "single";
    if (arity === "variadic") {
      const rest = list.slice(i);
      if (rest.some((x) => x === undefined)) throw new OnnxOpArityError(`'${def.name}' variadic ${noun} '${s.name}' has an omitted value`);
      sizes.push(rest.length);
      return;
    }
    const present = list[i] !== undefined;
    if (arity === "single" && !present) throw new OnnxOpArityError(`'${def.name}' requires ${noun} #${i} '${s.name}'`);
    sizes.push(present ? 1 : 0);
  });
  const last = specs[specs.length - 1];
  if (last && (last.arity ?? "single") !== "variadic" && list.length > specs.length && list.slice(specs.length).some((x) => x !== undefined)) {
    throw new OnnxOpArityError(`'${def.name}' takes at most ${specs.length} ${noun}s, got ${list.length}`);
  }
  return sizes;
}

const segAttr = (sizes: number[]): DenseArrayAttr => new DenseArrayAttr(IntegerType.get(32), sizes);

export interface OnnxOpInit {
  /** ONNX op type ("Conv"). */
  opType: string;
  /** Positional inputs; undefined marks an omitted optional input. */
  inputs: readonly (Value | undefined)[];
  /** Positional output types; undefined marks an omitted optional output. */
  outputs: readonly (Type | undefined)[];
  attributes?: Readonly<Record<string, Attribute>>;
  regions?: readonly Region[];
  loc?: Location;
}

/** Creates `onnx.<opType>` from positional ONNX inputs/outputs (segment sizes filled in). */
export function createOnnxOp(init: OnnxOpInit): Operation {
  const def = onnxOpDef(init.opType);
  if (!def) throw new OnnxOpArityError(`'${init.opType}' is not an operator of the ONNX default domain`);
  const inSizes = groupSizes(def, "operands", init.inputs);
  const outSizes = groupSizes(def, "results", init.outputs);
  const properties: Record<string, Attribute> = { ...init.attributes };
  if (def.operandSegments) properties.operandSegmentSizes = segAttr(inSizes);
  if (def.resultSegments) properties.resultSegmentSizes = segAttr(outSizes);
  return Operation.create({
    name: def.name,
    operands: init.inputs.filter((v): v is Value => v !== undefined),
    resultTypes: init.outputs.filter((t): t is Type => t !== undefined),
    properties,
    regions: init.regions ?? 0,
    loc: init.loc,
  });
}

/**
 * For each ONNX position (input or output slot), the index of the op's operand/result holding it,
 * or -1 when omitted. Ends at the last present slot.
 */
export function onnxPositions(op: Operation, kind: "operands" | "results"): number[] {
  const def = op.def;
  if (!def) throw new OnnxOpArityError(`'${op.name}' is not a declared op`);
  const specs = kind === "operands" ? def.operands : def.results;
  const out: number[] = [];
  def.groupRanges(op, kind).forEach(([start, n], i) => {
    if ((specs[i]!.arity ?? "single") === "variadic") for (let k = 0; k < n; k++) out.push(start + k);
    else out.push(n > 0 ? start : -1);
  });
  while (out.length && out[out.length - 1] === -1) out.pop();
  return out;
}
