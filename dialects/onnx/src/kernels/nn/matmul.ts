import { Tensor, type DType } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { broadcastIndexMap, broadcastShapes } from "../util/broadcast.js";
import { requireInput } from "../util/nn-attrs.js";
import { checkDType, NUMERIC, sameDType, type NumberData } from "../util/nn-dtype.js";
import { gemmBig, gemmFloat, gemmInt32 } from "../util/nn-gemm.js";

/** A row-major [M,K] x [K,N] product into dst at dstOff, in the arithmetic of `dtype`. */
export function matmulInto(dtype: DType, a: Tensor["data"], aOff: number, b: Tensor["data"], bOff: number, M: number, K: number, N: number, dst: Tensor["data"], dstOff: number): void {
  const n = M * N;
  if (dtype === "i64") {
    const acc = new BigInt64Array(n);
    gemmBig({ data: a as BigInt64Array, off: aOff, rs: K, cs: 1 }, { data: b as BigInt64Array, off: bOff, rs: N, cs: 1 }, M, K, N, acc);
    (dst as BigInt64Array).set(acc, dstOff);
  } else if (dtype === "f32" || dtype === "f64") {
    const acc = gemmFloat({ data: a as NumberData, off: aOff, rs: K, cs: 1 }, { data: b as NumberData, off: bOff, rs: N, cs: 1 }, M, K, N);
    (dst as Float64Array).set(acc, dstOff); // a Float32Array dst rounds once here
  } else {
    const acc = new Int32Array(n);
    gemmInt32({ data: a as NumberData, off: aOff, rs: K, cs: 1 }, { data: b as NumberData, off: bOff, rs: N, cs: 1 }, M, K, N, acc);
    (dst as Int32Array).set(acc, dstOff); // typed-array set wraps into narrower int types
  }
}

/** MatMul with numpy semantics: 1-D operands promoted then squeezed, batch dims broadcast. */
export const matMul: Kernel = (inputs) => {
  const op = "MatMul";
  const A = requireInput(op, inputs, 0, "A"), B = requireInput(op, inputs, 1, "B");
  checkDType(op, A, "A", NUMERIC);
  sameDType(op, A, B, "A and B");
  if (A.rank === 0 || B.rank === 0) throw new KernelError(`${op}: operands must have rank >= 1, got [${A.shape}] and [${B.shape}]`);
  const aShape = A.rank === 1 ? [1, A.shape[0]!] : A.shape.slice();
  const bShape = B.rank === 1 ? [B.shape[0]!, 1] : B.shape.slice();
  const M = aShape[aShape.length - 2]!, K = aShape[aShape.length - 1]!;
  const K2 = bShape[bShape.length - 2]!, N = bShape[bShape.length - 1]!;
  if (K !== K2) throw new KernelError(`${op}: inner dimensions differ: A [${A.shape}] and B [${B.shape}]`);
  const aBatch = aShape.slice(0, -2), bBatch = bShape.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch);
  const aMap = broadcastIndexMap(aBatch, batch), bMap = broadcastIndexMap(bBatch, batch);
  const outShape = [...batch];
  if (A.rank !== 1) outShape.push(M);
  if (B.rank !== 1) outShape.push(N);
  const out = new Tensor(A.dtype, outShape);
  for (let bi = 0; bi < aMap.length; bi++) {
    matmulInto(A.dtype, A.data, aMap[bi]! * M * K, B.data, bMap[bi]! * K * N, M, K, N, out.data, bi * M * N);
  }
  return [out];
};
