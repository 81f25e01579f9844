// linalg.matmul and linalg.batch_matmul: C += cast(A) * cast(B) over the reduction dimension.
import { AffineMap, dim, type Operation, type Value } from "@zkmlir/core";
import { defineNamed, buildNamed, type CanonicalBody } from "./named.js";
import { castScalar, mulScalar, addScalar } from "../body/scalar-ops.js";
import { CAST_SIGNED, CAST_UNSIGNED, TypeFnC, type CastKind } from "../attrs.js";

const map = (n: number, ...ds: number[]) => new AffineMap(n, 0, ds.map((d) => dim(d)));
const MATMUL_MAPS = [map(3, 0, 2), map(3, 2, 1), map(3, 0, 1)];
const BATCH_MAPS = [map(4, 0, 1, 3), map(4, 0, 3, 2), map(4, 0, 1, 2)];

/** out + cast(a) * cast(b), the body of every contraction and convolution named op. */
export const mulAccBody: CanonicalBody = (b, [x, y, acc], out, attr) => {
  const unsigned = attr("cast")?.equals(CAST_UNSIGNED) ?? false;
  return [addScalar(b, acc!, mulScalar(b, castScalar(b, x!, out, unsigned), castScalar(b, y!, out, unsigned)))];
};

export const MatmulOp = defineNamed({
  name: "linalg.matmul",
  summary: "Performs a matrix multiplication of two 2D inputs.",
  description: "C[m, n] += cast(A[m, k]) * cast(B[k, n]); `cast` selects sign or zero extension of integer inputs.",
  attributes: { cast: { constraint: TypeFnC, default: CAST_SIGNED } },
  view: (op, def) => ({ inputs: def.operandGroup(op, "inputs"), outputs: def.operandGroup(op, "outputs"), maps: MATMUL_MAPS, iterators: ["parallel", "parallel", "reduction"], bodyArgs: "all" }),
  canonicalBody: mulAccBody,
  memoize: true,
  verify: (op, def) => insOuts(op, def.operandGroup(op, "inputs").length, def.operandGroup(op, "outputs").length),
});

export const BatchMatmulOp = defineNamed({
  name: "linalg.batch_matmul",
  summary: "Performs a batched matrix multiplication of two 3D inputs.",
  description: "C[b, m, n] += cast(A[b, m, k]) * cast(B[b, k, n]).",
  view: (op, def) => ({ inputs: def.operandGroup(op, "inputs"), outputs: def.operandGroup(op, "outputs"), maps: BATCH_MAPS, iterators: ["parallel", "parallel", "parallel", "reduction"], bodyArgs: "all" }),
  canonicalBody: mulAccBody,
  memoize: true,
  verify: (op, def) => insOuts(op, def.operandGroup(op, "inputs").length, def.operandGroup(op, "outputs").length),
});

export function insOuts(_op: Operation, ins: number, outs: number): string | undefined {
  return ins === 2 && outs === 1 ? undefined : `expects two inputs and one output, got ${ins} and ${outs}`;
}

/** `linalg.matmul ins(a, b) outs(output)`; `cast` defaults to signed (the attribute is then omitted). */
export function createMatmul(a: Value, b: Value, output: Value, opts: { cast?: CastKind } = {}): Operation {
  const cast = opts.cast === "cast_unsigned" ? CAST_UNSIGNED : opts.cast === "cast_signed" ? CAST_SIGNED : undefined;
  return buildNamed("linalg.matmul", [a, b], [output], { cast });
}

/** `linalg.batch_matmul ins(a, b) outs(output)`. */
export function createBatchMatmul(a: Value, b: Value, output: Value): Operation {
  return buildNamed("linalg.batch_matmul", [a, b], [output]);
}
