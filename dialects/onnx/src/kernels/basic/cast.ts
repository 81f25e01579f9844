import { Tensor, type DType } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt } from "../util/basic-attrs.js";
import { dtypeFromOnnx } from "../util/basic-dtype.js";
import { input, numData } from "../util/basic-tensor.js";

const INT_BITS: Partial<Record<DType, number>> = { i8: 8, i16: 16, i32: 32 };

/** Float to integer: truncate toward zero; NaN and infinities (undefined in ONNX) give 0. */
function truncOrZero(v: number): number {
  return Number.isFinite(v) ? Math.trunc(v) : 0;
}

/**
 * Convert every element of `x` to `to`. Float to int truncates then wraps like a C cast to the
 * narrower type; anything to bool is `!= 0`; i64 conversions go through BigInt to stay exact.
 */
export function castTensor(x: Tensor, to: DType): Tensor {
  if (x.dtype === to) return new Tensor(to, x.shape, x.data.slice());
  const out = new Tensor(to, x.shape);
  const n = x.size;
  if (x.data instanceof BigInt64Array) {
    const s = x.data;
    if (out.data instanceof BigInt64Array) out.data.set(s);
    else if (to === "i1") { const d = numData(out); for (let i = 0; i < n; i++) d[i] = s[i] !== 0n ? 1 : 0; }
    else if (to === "f32" || to === "f64") { const d = numData(out); for (let i = 0; i < n; i++) d[i] = Number(s[i]!); }
    else {
      const bits = INT_BITS[to] ?? 8, unsigned = to === "u8", d = numData(out);
      for (let i = 0; i < n; i++) d[i] = Number(unsigned ? BigInt.asUintN(bits, s[i]!) : BigInt.asIntN(bits, s[i]!));
    }
    return out;
  }
  const s = numData(x);
  const fromFloat = x.dtype === "f32" || x.dtype === "f64";
  if (out.data instanceof BigInt64Array) {
    const d = out.data;
    for (let i = 0; i < n; i++) d[i] = BigInt.asIntN(64, BigInt(fromFloat ? truncOrZero(s[i]!) : s[i]!));
  } else if (to === "i1") {
    const d = numData(out);
    for (let i = 0; i < n; i++) d[i] = s[i] !== 0 ? 1 : 0; // NaN != 0: true, as C++ bool casts
  } else {
    // Typed-array set converts like ECMAScript ToInt32/ToUint8/...: truncation toward zero, then
    // wrapping modulo the width (NaN and infinities give 0), and round-to-nearest into f32.
    numData(out).set(s);
  }
  return out;
}

export const CAST_KERNELS: Record<string, Kernel> = {
  Cast: (inputs, attrs) => {
    const x = input(inputs, 0, "Cast", "input");
    const to = attrInt(attrs, "Cast", "to");
    if (to === undefined) throw new KernelError("Cast: missing required attribute 'to'");
    return [castTensor(x, dtypeFromOnnx(to, "Cast", "attribute 'to'"))];
  },
  CastLike: (inputs) => {
    const x = input(inputs, 0, "CastLike", "input");
    const like = input(inputs, 1, "CastLike", "target_type");
    return [castTensor(x, like.dtype)];
  },
};
