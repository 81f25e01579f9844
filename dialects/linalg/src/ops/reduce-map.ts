// linalg.reduce and linalg.map: named ops whose region is written by the user.
//   linalg.reduce ins(%in : t) outs(%init : t') dimensions = [1] (%a: f32, %b: f32) { ... }
//   linalg.map ins(%x, %y : t, t) outs(%init : t) (%a: f32, %b: f32) { ... }
import {
  AffineMap, DenseArrayAttr, DenseArrayOf, Operation, Region, RankedTensorType, dim, i64, elementTypeOf,
  type OpParser, type OpPrinter, type ParsedArgument, type Value,
} from "@zkmlir/core";
import { defineNamed } from "./named.js";
import { parseInsOuts, printInsOuts } from "./ins-outs-format.js";
import { buildStructured, type BodyFn } from "../builders/structured.js";

const rank = (v: Value | undefined) => (v && v.type instanceof RankedTensorType ? v.type.rank : 0);
const ints = (op: Operation, name: string) => ((op.getAttr(name) as DenseArrayAttr | undefined)?.values ?? []);

function printInlineRegion(p: OpPrinter, op: Operation): void {
  const b = op.region(0).entry;
  p.write(" (");
  b?.args.forEach((a, i) => { if (i) p.write(", "); p.printBlockArgument(a, true); });
  p.write(") ");
  p.printRegion(op.region(0), { printEntryBlockArgs: false });
}
function parseInlineRegion(p: OpParser): Region {
  p.expect("(");
  const args: ParsedArgument[] = [];
  if (!p.consume(")")) {
    do args.push(p.parseArgument());
    while (p.consume(","));
    p.expect(")");
  }
  const r = new Region();
  p.parseRegion(r, args);
  return r;
}
const tensorTypes = (vs: readonly Value[]) => vs.map((v) => v.type).filter((t) => t instanceof RankedTensorType);

export const ReduceOp = defineNamed({
  name: "linalg.reduce",
  summary: "Reduce operator",
  description: "Reduces the inputs over `dimensions` into the inits (operands: N inputs then N inits, all inputs of one shape). The region takes one element per input then per init and yields the new init elements.",
  operands: [{ name: "inputs_and_inits", arity: "variadic" }],
  attributes: { dimensions: { constraint: DenseArrayOf("i64") } },
  segments: false,
  verify: (op) => (op.operands.length >= 2 && op.operands.length % 2 === 0 ? undefined : `expects the same number of inputs and inits, got ${op.operands.length} operands`),
  view: (op) => {
    const h = op.operands.length >> 1;
    const inputs = op.operandValues.slice(0, h), outputs = op.operandValues.slice(h);
    const n = rank(inputs[0]);
    const dims = ints(op, "dimensions");
    const ok = dims.every((d, i) => Number.isInteger(d) && d >= 0 && d < n && (i === 0 || d > dims[i - 1]!));
    const kept = Array.from({ length: n }, (_, k) => k).filter((k) => !dims.includes(k));
    return {
      inputs, outputs,
      maps: ok ? [...inputs.map(() => AffineMap.identity(n)), ...outputs.map(() => new AffineMap(n, 0, kept.map((k) => dim(k))))] : `dimensions [${dims.join(", ")}] must be increasing and within the input rank ${n}`,
      iterators: Array.from({ length: n }, (_, k) => (dims.includes(k) ? "reduction" : "parallel")), bodyArgs: "all",
    };
  },
  format: {
    print(op, p) {
      const h = op.operands.length >> 1;
      printInsOuts(p, op.operandValues.slice(0, h), op.operandValues.slice(h));
      p.write(` dimensions = [${ints(op, "dimensions").join(", ")}]`);
      printInlineRegion(p, op);
      p.printOptionalAttrDict(op, ["dimensions"]);
    },
    parse(p, name) {
      const { ins, outs } = parseInsOuts(p);
      p.parseKeyword("dimensions");
      p.expect("=");
      p.expect("[");
      const vs: number[] = [];
      if (!p.consume("]")) { do { vs.push(Number(p.lexer.text)); p.expect("integer"); } while (p.consume(",")); p.expect("]"); }
      const region = parseInlineRegion(p);
      const attrs = p.parseOptionalAttrDict();
      return Operation.create({ name, operands: [...ins, ...outs], resultTypes: tensorTypes(outs), properties: { dimensions: new DenseArrayAttr(i64(), vs) }, attributes: attrs, regions: [region] });
    },
  },
});

export const MapOp = defineNamed({
  name: "linalg.map",
  summary: "Elementwise operations",
  description: "init[i] = region(inputs[0][i], ..., inputs[n-1][i]) for same-shaped inputs and init; the region takes one element per input (not the init).",
  operands: [{ name: "inputs", arity: "variadic" }, { name: "init" }],
  segments: false,
  view: (op) => {
    const inputs = op.operandValues.slice(0, -1), outputs = op.operandValues.slice(-1);
    const n = rank(outputs[0]);
    return { inputs, outputs, maps: [...inputs, ...outputs].map(() => AffineMap.identity(n)), iterators: new Array(n).fill("parallel"), bodyArgs: "inputs" };
  },
  format: {
    print(op, p) {
      printInsOuts(p, op.operandValues.slice(0, -1), op.operandValues.slice(-1));
      printInlineRegion(p, op);
      p.printOptionalAttrDict(op);
    },
    parse(p, name) {
      const { ins, outs } = parseInsOuts(p);
      if (outs.length !== 1) p.error("linalg.map expects one init");
      const region = parseInlineRegion(p);
      const attrs = p.parseOptionalAttrDict();
      return Operation.create({ name, operands: [...ins, ...outs], resultTypes: tensorTypes(outs), attributes: attrs, regions: [region] });
    },
  },
});

/** `linalg.reduce`: `body` gets one element per input then per init and returns the new init elements. */
export function createReduce(inputs: readonly Value[], inits: readonly Value[], dimensions: readonly number[], body: BodyFn): Operation {
  return buildStructured({ name: "linalg.reduce", inputs, outputs: inits, body, properties: { dimensions: new DenseArrayAttr(i64(), dimensions) }, segments: false });
}
/** `linalg.map`: `body` gets one element per input and returns the init's element. */
export function createMap(inputs: readonly Value[], init: Value, body: BodyFn): Operation {
  return buildStructured({ name: "linalg.map", inputs, outputs: [init], body, argTypes: inputs.map((v) => elementTypeOf(v.type)), segments: false });
}
