import { Tensor } from "@zkmlir/core";
import { KernelError, type Kernel } from "../types.js";
import { broadcastIndexMap } from "../util/broadcast.js";
import { attrFloat, attrInt, requireInput } from "../util/nn-attrs.js";
import { checkDType, NUMERIC, sameDType, type NumberData } from "../util/nn-dtype.js";
import { gemmBig, gemmFloat, gemmInt32 } from "../util/nn-gemm.js";

/** Gemm: Y = alpha * A' * B' + beta * C, C unidirectionally broadcast to [M, N]. */
export const gemm: Kernel = (inputs, attrs) => {
  const op = "Gemm";
  const A = requireInput(op, inputs, 0, "A"), B = requireInput(op, inputs, 1, "B"), C = inputs[2];
  checkDType(op, A, "A", NUMERIC);
  sameDType(op, A, B, "A and B");
  if (C) sameDType(op, A, C, "A and C");
  if (A.rank !== 2 || B.rank !== 2) throw new KernelError(`${op}: A and B must be 2-D, got [${A.shape}] and [${B.shape}]`);
  const alpha = attrFloat(op, attrs, "alpha", 1), beta = attrFloat(op, attrs, "beta", 1);
  const tA = attrInt(op, attrs, "transA", 0) !== 0, tB = attrInt(op, attrs, "transB", 0) !== 0;
  const [M, K] = tA ? [A.shape[1]!, A.shape[0]!] : [A.shape[0]!, A.shape[1]!];
  const [K2, N] = tB ? [B.shape[1]!, B.shape[0]!] : [B.shape[0]!, B.shape[1]!];
  if (K !== K2) throw new KernelError(`${op}: inner dimensions differ: A' is [${M},${K}], B' is [${K2},${N}]`);
  if (C && (C.rank > 2 || C.shape.some((d, i) => d !== 1 && d !== [M, N][i + 2 - C.rank]))) {
    throw new KernelError(`${op}: C of shape [${C.shape}] does not broadcast to [${M},${N}]`);
  }
  const cMap = C ? broadcastIndexMap(C.shape, [M, N]) : undefined;
  const aView = { off: 0, rs: tA ? 1 : K, cs: tA ? M : 1 };
  const bView = { off: 0, rs: tB ? 1 : N, cs: tB ? K : 1 };
  const out = new Tensor(A.dtype, [M, N]);
  const n = M * N;
  if (A.dtype === "f32" || A.dtype === "f64") {
    const acc = gemmFloat({ data: A.data as NumberData, ...aView }, { data: B.data as NumberData, ...bView }, M, K, N);
    const dst = out.data as NumberData, c = C?.data as NumberData | undefined;
    for (let i = 0; i < n; i++) dst[i] = alpha * acc[i]! + (c ? beta * c[cMap![i]!]! : 0);
    return [out];
  }
  // Integer Gemm: only integral alpha/beta keep the result exact in the integer type.
  if (!Number.isInteger(alpha) || !Number.isInteger(beta)) {
    throw new KernelError(`unsupported: ${op} on ${A.dtype} with non-integer alpha ${alpha} or beta ${beta}`);
  }
  if (A.dtype === "i64") {
    const acc = new BigInt64Array(n);
    gemmBig({ data: A.data as BigInt64Array, ...aView }, { data: B.data as BigInt64Array, ...bView }, M, K, N, acc);
    const dst = out.data as BigInt64Array, c = C?.data as BigInt64Array | undefined;
    const al = BigInt(alpha), be = BigInt(beta);
    for (let i = 0; i < n; i++) dst[i] = BigInt.asIntN(64, al * acc[i]! + (c ? be * c[cMap![i]!]! : 0n));
    return [out];
  }
  const acc = new Int32Array(n);
  gemmInt32({ data: A.data as NumberData, ...aView }, { data: B.data as NumberData, ...bView }, M, K, N, acc);
  const dst = out.data as NumberData, c = C?.data as NumberData | undefined;
  for (let i = 0; i < n; i++) dst[i] = (Math.imul(alpha, acc[i]!) + (c ? Math.imul(beta, c[cMap![i]!]!) : 0)) | 0;
  return [out];
};
