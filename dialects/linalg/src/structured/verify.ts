// Verification shared by all structured linalg ops (upstream's verifyStructuredOpInterface plus
// the region checks): map count and shape, iterator count, static shapes consistent with the
// maps, results matching tensor outputs, and a body whose arguments and yield match the element
// types. Each message names the rule that failed.
import { RankedTensorType, UnrankedTensorType, DYNAMIC, elementTypeOf, printExpr, type Operation, type Type } from "@zkmlir/core";
import { structuredView } from "./view.js";
import { inferLoopBounds } from "./loop-bounds.js";
import { linearize, linearRange } from "./linear.js";

const isTensor = (t: Type) => t instanceof RankedTensorType || t instanceof UnrankedTensorType;
const rankOf = (t: Type) => (t instanceof RankedTensorType ? t.rank : 0);
const shapeOf = (t: Type): readonly number[] => (t instanceof RankedTensorType ? t.shape : []);

export function verifyStructured(op: Operation): string | undefined {
  const v = structuredView(op);
  if (typeof v.maps === "string") return v.maps;
  const operands = [...v.inputs, ...v.outputs];
  const maps = v.maps;
  const n = v.iterators.length;
  if (maps.length !== operands.length) return `expected indexing_maps to have ${operands.length} entries (one per operand), got ${maps.length}`;
  for (let i = 0; i < maps.length; i++) {
    const m = maps[i]!, t = operands[i]!.type;
    if (m.numDims !== n) return `indexing map #${i} has ${m.numDims} dims but the op has ${n} iterator types`;
    if (m.numSymbols !== 0) return `indexing map #${i} must have no symbols`;
    if (t instanceof UnrankedTensorType) return `operand #${i} must be a ranked tensor or a scalar, got '${t.key}'`;
    if (m.results.length !== rankOf(t)) return `indexing map #${i} has ${m.results.length} results but operand #${i} ('${t.key}') has rank ${rankOf(t)}`;
  }
  const tensorOuts = v.outputs.filter((o) => isTensor(o.type));
  if (tensorOuts.length !== v.outputs.length) return "outputs must be ranked tensors";
  if (op.results.length !== tensorOuts.length) return `expected ${tensorOuts.length} results (one per tensor output), got ${op.results.length}`;
  for (let i = 0; i < op.results.length; i++) {
    if (op.result(i).type !== tensorOuts[i]!.type) return `result #${i} type '${op.result(i).type.key}' must match output #${i} type '${tensorOuts[i]!.type.key}'`;
  }
  const shapeErr = verifyShapes(maps, operands.map((o) => shapeOf(o.type)), n);
  if (shapeErr) return shapeErr;
  return verifyBody(op, v.bodyArgs === "all" ? operands.map((o) => o.type) : v.inputs.map((o) => o.type), v.outputs.map((o) => o.type), v.bodyArgs);
}

function verifyShapes(maps: Parameters<typeof inferLoopBounds>[0], shapes: (readonly number[])[], n: number): string | undefined {
  const lb = inferLoopBounds(maps, shapes, n);
  if (typeof lb === "string") return lb;
  const allStatic = shapes.every((s) => s.every((d) => d !== DYNAMIC));
  if (allStatic) {
    const missing = lb.bounds.findIndex((b) => b === undefined);
    if (missing >= 0) return `cannot infer the size of loop dimension d${missing}: no operand dimension is indexed by it alone`;
  }
  // Compound accesses (e.g. a convolution's `d2 * 2 + d5`) must stay inside the operand.
  for (let i = 0; i < maps.length; i++) {
    const rs = maps[i]!.results;
    for (let j = 0; j < rs.length; j++) {
      const e = rs[j]!, s = shapes[i]![j]!;
      const f = e.kind === "dim" || s === DYNAMIC ? undefined : linearize(e, n);
      if (!f) continue;
      const used = f.coef.map((c, k) => (c !== 0 ? lb.bounds[k] : 1));
      if (used.some((b) => b === undefined || b === 0)) continue;
      const [lo, hi] = linearRange(f, used as number[]);
      if (lo < 0 || hi >= s) return `operand #${i} dimension ${j} has size ${s} but is indexed by '${printExpr(e)}' in [${lo}, ${hi}]`;
    }
  }
  return undefined;
}

function verifyBody(op: Operation, argTypes: Type[], outTypes: Type[], which: "all" | "inputs"): string | undefined {
  const r = op.regions[0];
  if (!r || r.blocks.length !== 1) return "expects a region with exactly one block";
  const block = r.entry!;
  if (block.args.length !== argTypes.length) return `region block has ${block.args.length} arguments, expected ${argTypes.length} (one per ${which === "all" ? "operand" : "input"})`;
  for (let i = 0; i < argTypes.length; i++) {
    const want = elementTypeOf(argTypes[i]!);
    if (block.args[i]!.type !== want) return `block argument #${i} has type '${block.args[i]!.type.key}', expected '${want.key}' (the element type of operand #${i})`;
  }
  const y = block.last;
  if (!y || y.name !== "linalg.yield") return "region must end with 'linalg.yield'";
  if (y.operands.length !== outTypes.length) return `'linalg.yield' yields ${y.operands.length} values, expected ${outTypes.length} (one per output)`;
  for (let i = 0; i < outTypes.length; i++) {
    const want = elementTypeOf(outTypes[i]!);
    if (y.operand(i).type !== want) return `'linalg.yield' operand #${i} has type '${y.operand(i).type.key}', expected '${want.key}' (the element type of output #${i})`;
  }
  return undefined;
}

