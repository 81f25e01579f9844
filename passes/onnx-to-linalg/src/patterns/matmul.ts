// MatMul (numpy semantics: 1-D operands promoted, batch dims broadcast) and Gemm as contraction
// generics: out[batch, m, n] += a[.., m, k] * b[.., k, n] into a zero-filled init.
import { AffineMap, cst, dim, RankedTensorType, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import { createBatchMatmul, createMatmul } from "@zkmlir/linalg";
import { generic, filled } from "../build/structured.js";
import { elementwise } from "../build/elementwise.js";
import { arith, constant, convert } from "../build/scalar.js";
import { gatherCopy, reshapeMap, transposeMap } from "../build/reindex.js";
import { floatAttr, intAttr } from "../util/attrs.js";
import { resultType } from "../util/types.js";
import { loweringError } from "../errors.js";
import type { Lowering } from "./lowering.js";

/**
 * out = a @ b as upstream's named ops when the shapes allow: 2-D (and a batch of rows against a
 * 2-D B, flattened by linear reshapes) is `linalg.matmul`, equal 3-D batches `linalg.batch_matmul`
 * (their interpreters have direct kernels); anything else is the contraction generic.
 */
export function matmulOp(bld: Builder, a: Value, b: Value, outType: RankedTensorType): Value {
  const at = a.type as RankedTensorType, bt = b.type as RankedTensorType;
  const et = outType.elementType;
  const sameType = at.elementType === et && bt.elementType === et;
  if (sameType && bt.rank === 2 && at.rank >= 2 && outType.rank === at.rank) {
    const rows = at.shape.slice(0, -1).reduce((p, d) => p * d, 1), K = at.shape[at.rank - 1]!, N = bt.shape[1]!;
    const a2 = at.rank === 2 ? a : gatherCopy(bld, a, reshapeMap(at.shape, [rows, K]), RankedTensorType.get([rows, K], at.elementType));
    const t2 = RankedTensorType.get([rows, N], et);
    const op = bld.insert(createMatmul(a2, b, filled(bld, t2, 0)));
    op.loc = bld.loc;
    const r = op.result(0);
    return outType.rank === 2 ? r : gatherCopy(bld, r, reshapeMap(t2.shape, outType.shape), outType);
  }
  if (sameType && at.rank === 3 && bt.rank === 3 && at.shape[0] === bt.shape[0] && outType.rank === 3) {
    const op = bld.insert(createBatchMatmul(a, b, filled(bld, outType, 0)));
    op.loc = bld.loc;
    return op.result(0);
  }
  return contract(bld, a, b, outType);
}

/** out = a @ b for rank >= 2 operands with broadcast batch dims, into `outType`. */
export function contract(bld: Builder, a: Value, b: Value, outType: RankedTensorType): Value {
  const at = a.type as RankedTensorType, bt = b.type as RankedTensorType;
  const R = outType.rank; // batch..., m, n ; loop k is dim R
  const batch = R - 2;
  const operandMap = (t: RankedTensorType, last2: [AffineExpr, AffineExpr]): AffineMap => {
    const lead = t.rank - 2, off = batch - lead;
    const res: AffineExpr[] = [];
    for (let j = 0; j < lead; j++) res.push(t.shape[j] === 1 && outType.shape[off + j] !== 1 ? cst(0) : dim(off + j));
    return new AffineMap(R + 1, 0, [...res, ...last2]);
  };
  const outMap = new AffineMap(R + 1, 0, Array.from({ length: R }, (_, i) => dim(i)));
  const et = outType.elementType;
  return generic(bld, {
    inputs: [a, b],
    outputs: [filled(bld, outType, 0)],
    maps: [operandMap(at, [dim(R - 2), dim(R)]), operandMap(bt, [dim(R), dim(R - 1)]), outMap],
    iterators: [...Array.from({ length: R }, () => "parallel" as const), "reduction" as const],
    body: ({ b: x, args }) => [arith(x, "add", args[2]!, arith(x, "mul", convert(x, args[0]!, et), convert(x, args[1]!, et)))],
  })[0]!;
}

const matmul: Lowering = (c) => {
  let a = c.req(0), b = c.req(1);
  const out = resultType(c.op);
  const at = a.type as RankedTensorType, bt = b.type as RankedTensorType;
  // numpy: a 1-D A is [1, k] (dim dropped after), a 1-D B is [k, 1].
  const a2 = at.rank === 1 ? RankedTensorType.get([1, at.shape[0]!], at.elementType) : at;
  const b2 = bt.rank === 1 ? RankedTensorType.get([bt.shape[0]!, 1], bt.elementType) : bt;
  if (a2 !== at) a = gatherCopy(c.b, a, reshapeMap(at.shape, a2.shape), a2);
  if (b2 !== bt) b = gatherCopy(c.b, b, reshapeMap(bt.shape, b2.shape), b2);
  if (a2.shape[a2.rank - 1] !== b2.shape[b2.rank - 2]) throw loweringError(c.op, `inner dimensions differ: ${a2.key} x ${b2.key}`);
  const batchRank = Math.max(a2.rank, b2.rank) - 2;
  const full = [...out.shape];
  if (at.rank === 1) full.splice(full.length - (bt.rank === 1 ? 0 : 1), 0, 1);
  if (bt.rank === 1) full.push(1);
  const fullType = RankedTensorType.get(full, out.elementType);
  if (fullType.rank !== batchRank + 2) throw loweringError(c.op, `result type ${out.key} does not match the operands`);
  const r = matmulOp(c.b, a, b, fullType);
  return [fullType === out ? r : gatherCopy(c.b, r, reshapeMap(full, out.shape), out)];
};

/** Gemm: alpha * op(A) @ op(B) + beta * C, C broadcast to [M, N]. */
const gemm: Lowering = (c) => {
  let a = c.req(0), b = c.req(1);
  const cIn = c.input(2);
  const out = resultType(c.op);
  const alpha = floatAttr(c.op, "alpha", 1), beta = floatAttr(c.op, "beta", 1);
  const transpose = (v: Value) => {
    const t = v.type as RankedTensorType;
    return gatherCopy(c.b, v, transposeMap([1, 0]), RankedTensorType.get([t.shape[1]!, t.shape[0]!], t.elementType));
  };
  if (intAttr(c.op, "transA", 0)) a = transpose(a);
  if (intAttr(c.op, "transB", 0)) b = transpose(b);
  let r = matmulOp(c.b, a, b, out);
  if (alpha !== 1 || (cIn && beta !== 0)) {
    const ins = cIn && beta !== 0 ? [r, cIn] : [r];
    r = elementwise(c.b, ins, out, ({ b: x, args, out: et }) => {
      let v = alpha === 1 ? args[0]! : arith(x, "mul", constant(x, et, alpha), args[0]!);
      if (args.length > 1) v = arith(x, "add", v, beta === 1 ? convert(x, args[1]!, et) : arith(x, "mul", constant(x, et, beta), convert(x, args[1]!, et)));
      return v;
    });
  }
  return [r];
};

export const MATMUL: Record<string, Lowering> = { MatMul: matmul, Gemm: gemm };
