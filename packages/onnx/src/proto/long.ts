import { OnnxDecodeError } from "../errors.js";

// protobufjs hands int64 fields over as Long objects (or plain numbers for small values).

/** Structural view of a protobufjs Long: two 32-bit halves. */
export interface LongLike {
  readonly low: number;
  readonly high: number;
  readonly unsigned?: boolean;
}

export type Int64Field = number | LongLike | null | undefined;

/** Exact value of an int64 field as a bigint (0 when absent). */
export function int64ToBigInt(v: Int64Field): bigint {
  if (v === null || v === undefined) return 0n;
  if (typeof v === "number") return BigInt(Math.trunc(v));
  const bits = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  return v.unsigned ? bits : BigInt.asIntN(64, bits);
}

/** Value of an int64 field as a number; rounds beyond 2^53 (fine for attributes such as INT64_MAX ends). */
export function int64ToNumber(v: Int64Field): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return v;
  return Number(int64ToBigInt(v));
}

/** Value of an int64 field that must be an exact non-negative safe integer (dims, versions). */
export function int64ToSafeInt(v: Int64Field, what: string): number {
  const b = int64ToBigInt(v);
  if (b < 0n || b > BigInt(Number.MAX_SAFE_INTEGER)) throw new OnnxDecodeError(`${what} ${b} is out of range`);
  return Number(b);
}
