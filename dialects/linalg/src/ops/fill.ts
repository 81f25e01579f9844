// linalg.fill: every element of the output becomes the (converted) scalar input.
import { AffineMap, RankedTensorType, type Operation, type Value } from "@zkmlir/core";
import { defineNamed, buildNamed } from "./named.js";
import { castScalar } from "../body/scalar-ops.js";

const rank = (v: Value | undefined) => (v && v.type instanceof RankedTensorType ? v.type.rank : 0);

export const FillOp = defineNamed({
  name: "linalg.fill",
  summary: "Fills the output tensor with the given value.",
  description: "Implicit region: `linalg.yield cast_signed(value)` (the value converted to the output element type).",
  view: (op, def) => {
    const outputs = def.operandGroup(op, "outputs");
    const n = rank(outputs[0]);
    return { inputs: def.operandGroup(op, "inputs"), outputs, maps: [new AffineMap(n, 0, []), AffineMap.identity(n)], iterators: new Array(n).fill("parallel"), bodyArgs: "all" };
  },
  canonicalBody: (b, [value], out) => [castScalar(b, value!, out, false)],
  verify: (op, def) => {
    const ins = def.operandGroup(op, "inputs"), outs = def.operandGroup(op, "outputs");
    if (ins.length !== 1 || outs.length !== 1) return `expects one input value and one output, got ${ins.length} and ${outs.length}`;
    if (ins[0]!.type instanceof RankedTensorType) return `input value must be a scalar, got '${ins[0]!.type.key}'`;
    return undefined;
  },
});

/** `linalg.fill ins(value) outs(output)`, with its implicit region. */
export function createFill(value: Value, output: Value): Operation {
  return buildNamed("linalg.fill", [value], [output]);
}
