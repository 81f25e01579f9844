// linalg.transpose and linalg.broadcast: pure data movement (implicit body `linalg.yield %in`).
//   linalg.transpose ins(%a : t) outs(%b : t') permutation = [1, 0]   (init[i] = input[perm^-1 ...])
//   linalg.broadcast ins(%a : t) outs(%b : t') dimensions = [1]      (dims of init absent from input)
import {
  AffineMap, DenseArrayAttr, DenseArrayOf, Operation, RankedTensorType, dim, i64,
  type CustomFormat, type Value,
} from "@zkmlir/core";
import { defineNamed, buildNamed } from "./named.js";
import { parseInsOuts, printInsOuts } from "./ins-outs-format.js";

const OPERANDS = [{ name: "input" }, { name: "init" }];
const rank = (v: Value) => (v.type instanceof RankedTensorType ? v.type.rank : 0);
const ints = (op: Operation, name: string) => ((op.getAttr(name) as DenseArrayAttr | undefined)?.values ?? []);

/** `ins(...) outs(...) <kw> = [..]`, the array attribute named `kw`. */
function arrayAttrFormat(kw: string): CustomFormat {
  return {
    print(op, p) {
      printInsOuts(p, [op.operand(0)], [op.operand(1)]);
      p.write(` ${kw} = [${ints(op, kw).join(", ")}]`);
      p.printOptionalAttrDict(op, [kw]);
    },
    parse(p, name) {
      const { ins, outs } = parseInsOuts(p);
      p.parseKeyword(kw);
      p.expect("=");
      p.expect("[");
      const vs: number[] = [];
      if (!p.consume("]")) {
        do { vs.push(Number(p.lexer.text)); p.expect("integer"); } while (p.consume(","));
        p.expect("]");
      }
      const attrs = p.parseOptionalAttrDict();
      if (ins.length !== 1 || outs.length !== 1) p.error(`'${name}' expects one input and one init`);
      return buildNamed(name, ins, outs, { [kw]: new DenseArrayAttr(i64(), vs) }, Object.fromEntries(attrs));
    },
  };
}

function isPermutation(p: readonly number[]): boolean {
  return p.length === new Set(p).size && p.every((x) => Number.isInteger(x) && x >= 0 && x < p.length);
}

export const TransposeOp = defineNamed({
  name: "linalg.transpose",
  summary: "Transpose operator",
  description: "init[i_0, ..., i_n] = input[j] where j[permutation[k]] = i_k: dimension k of init is dimension permutation[k] of input.",
  operands: OPERANDS,
  attributes: { permutation: { constraint: DenseArrayOf("i64") } },
  segments: false,
  view: (op) => {
    const perm = ints(op, "permutation");
    const n = rank(op.operand(1));
    const inv: number[] = [];
    perm.forEach((p, k) => { inv[p] = k; });
    return { inputs: [op.operand(0)], outputs: [op.operand(1)], maps: isPermutation(perm) && perm.length === n ? [new AffineMap(n, 0, inv.map((k) => dim(k))), AffineMap.identity(n)] : `permutation [${perm.join(", ")}] is not a permutation of the init rank ${n}`, iterators: new Array(n).fill("parallel"), bodyArgs: "all" };
  },
  canonicalBody: (_b, [x]) => [x!],
  format: arrayAttrFormat("permutation"),
});

export const BroadcastOp = defineNamed({
  name: "linalg.broadcast",
  summary: "Static broadcast operator",
  description: "init[i] = input[i without the `dimensions`]: `dimensions` (sorted, in init's numbering) are the dimensions added to the input.",
  operands: OPERANDS,
  attributes: { dimensions: { constraint: DenseArrayOf("i64") } },
  segments: false,
  view: (op) => {
    const dims = ints(op, "dimensions");
    const n = rank(op.operand(1));
    const ok = dims.every((d, i) => Number.isInteger(d) && d >= 0 && d < n && (i === 0 || d > dims[i - 1]!)) && rank(op.operand(0)) + dims.length === n;
    const kept = Array.from({ length: n }, (_, k) => k).filter((k) => !dims.includes(k));
    return { inputs: [op.operand(0)], outputs: [op.operand(1)], maps: ok ? [new AffineMap(n, 0, kept.map((k) => dim(k))), AffineMap.identity(n)] : `dimensions [${dims.join(", ")}] must be increasing, within the init rank ${n}, and input rank + ${dims.length} must equal it`, iterators: new Array(n).fill("parallel"), bodyArgs: "all" };
  },
  canonicalBody: (_b, [x]) => [x!],
  format: arrayAttrFormat("dimensions"),
});

/** `linalg.transpose ins(input) outs(init) permutation = [...]`. */
export function createTranspose(input: Value, init: Value, permutation: readonly number[]): Operation {
  return buildNamed("linalg.transpose", [input], [init], { permutation: new DenseArrayAttr(i64(), permutation) });
}
/** `linalg.broadcast ins(input) outs(init) dimensions = [...]` (the init dimensions the input lacks). */
export function createBroadcast(input: Value, init: Value, dimensions: readonly number[]): Operation {
  return buildNamed("linalg.broadcast", [input], [init], { dimensions: new DenseArrayAttr(i64(), dimensions) });
}
