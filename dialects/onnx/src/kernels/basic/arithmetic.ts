import { Tensor, type DType } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrInt, attrString } from "../util/basic-attrs.js";
import { broadcastPlan, mapBinary, type Binary } from "../util/basic-elementwise.js";
import { checkDtype, input, numData } from "../util/basic-tensor.js";

/** Kernel for a same-dtype broadcasting binary op. */
export function binaryKernel(op: string, impl: Binary): Kernel {
  return (inputs) => [mapBinary(input(inputs, 0, op, "A"), input(inputs, 1, op, "B"), impl, op)];
}

function divByZero(op: string): never {
  throw new KernelError(`${op}: integer division by zero`);
}

const intDiv = (a: number, b: number): number => (b === 0 ? divByZero("Div") : Math.trunc(a / b));
const bigDiv = (a: bigint, b: bigint): bigint => (b === 0n ? divByZero("Div") : a / b);

/** Python-style remainder (sign of the divisor), the integer Mod with fmod=0. */
function floorMod(a: number, b: number): number {
  if (b === 0) divByZero("Mod");
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}
function floorModBig(a: bigint, b: bigint): bigint {
  if (b === 0n) divByZero("Mod");
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

function mod(inputs: readonly (Tensor | undefined)[], attrs: Parameters<Kernel>[1]): Tensor[] {
  const a = input(inputs, 0, "Mod", "A"), b = input(inputs, 1, "Mod", "B");
  const fmod = attrInt(attrs, "Mod", "fmod", 0);
  if (fmod !== 0 && fmod !== 1) throw new KernelError(`Mod: attribute 'fmod' must be 0 or 1, got ${fmod}`);
  if (fmod === 0 && (a.dtype === "f32" || a.dtype === "f64")) {
    throw new KernelError("Mod: fmod must be 1 for floating point inputs");
  }
  const impl: Binary = fmod === 1
    ? {
      float: (x, y) => x % y,
      int: (x, y) => (y === 0 ? divByZero("Mod") : x % y),
      i64: (x, y) => (y === 0n ? divByZero("Mod") : x % y),
    }
    : { int: floorMod, i64: floorModBig };
  return [mapBinary(a, b, impl, "Mod")];
}

/** base^exp for an integer result, exact for i64 (negative exponents truncate toward zero). */
function powBig(base: bigint, e: bigint): bigint {
  if (e >= 0n) {
    // Square-and-multiply modulo 2^64: wraps like int64 and never builds huge BigInts.
    let r = 1n, b = base;
    for (let k = e; k > 0n; k >>= 1n) {
      if (k & 1n) r = BigInt.asIntN(64, r * b);
      b = BigInt.asIntN(64, b * b);
    }
    return r;
  }
  if (base === 1n) return 1n;
  if (base === -1n) return e % 2n === 0n ? 1n : -1n;
  if (base === 0n) throw new KernelError("Pow: zero to a negative integer power");
  return 0n;
}

/** Pow: X of T (float, i32, i64), Y of any numeric T1; Z has X's type. */
function pow(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const x = input(inputs, 0, "Pow", "X"), y = input(inputs, 1, "Pow", "Y");
  checkDtype(x, ["f32", "f64", "i32", "i64"], "Pow", "X");
  checkDtype(y, ["f32", "f64", "i8", "i16", "i32", "i64", "u8"], "Pow", "Y");
  const { shape, maps: [mx, my] } = broadcastPlan([x.shape, y.shape]);
  const out = new Tensor(x.dtype, shape);
  const n = out.size;
  const xFloat = x.dtype === "f32" || x.dtype === "f64";
  const yFloat = y.dtype === "f32" || y.dtype === "f64";
  if (xFloat) {
    const d = numData(out);
    for (let i = 0; i < n; i++) d[i] = Math.pow(x.getNumber(mx ? mx[i]! : i), y.getNumber(my ? my[i]! : i));
    return [out];
  }
  // Integer base: exact (wrapping) BigInt power for an integer exponent, truncation for a float one.
  const bigAt = (t: Tensor, k: number): bigint => (t.data instanceof BigInt64Array ? t.data[k]! : BigInt(t.data[k]!));
  for (let i = 0; i < n; i++) {
    const xi = mx ? mx[i]! : i, yi = my ? my[i]! : i;
    let r: bigint;
    if (yFloat) {
      const f = Math.pow(x.getNumber(xi), y.getNumber(yi));
      r = Number.isFinite(f) ? BigInt(Math.trunc(f)) : 0n;
    } else {
      r = powBig(bigAt(x, xi), bigAt(y, yi));
    }
    if (out.data instanceof BigInt64Array) out.data[i] = r;
    else numData(out)[i] = Number(BigInt.asIntN(32, r));
  }
  return [out];
}

function bitShift(inputs: readonly (Tensor | undefined)[], attrs: Parameters<Kernel>[1]): Tensor[] {
  const x = input(inputs, 0, "BitShift", "X"), y = input(inputs, 1, "BitShift", "Y");
  checkDtype(x, ["u8"], "BitShift", "X");
  const dir = attrString(attrs, "BitShift", "direction", "");
  if (dir !== "LEFT" && dir !== "RIGHT") throw new KernelError(`BitShift: attribute 'direction' must be LEFT or RIGHT, got '${dir}'`);
  const bits = 8;
  const f = dir === "LEFT"
    ? (a: number, s: number): number => (s >= bits ? 0 : a << s)
    : (a: number, s: number): number => (s >= bits ? 0 : a >>> s);
  return [mapBinary(x, y, { int: f }, "BitShift")];
}

const imul = (a: number, b: number, _t: DType): number => Math.imul(a, b);

export const ARITHMETIC_KERNELS: Record<string, Kernel> = {
  Add: binaryKernel("Add", { float: (a, b) => a + b, int: (a, b) => a + b, i64: (a, b) => a + b }),
  Sub: binaryKernel("Sub", { float: (a, b) => a - b, int: (a, b) => a - b, i64: (a, b) => a - b }),
  Mul: binaryKernel("Mul", { float: (a, b) => a * b, int: imul, i64: (a, b) => a * b }),
  Div: binaryKernel("Div", { float: (a, b) => a / b, int: intDiv, i64: bigDiv }),
  Mod: mod,
  Pow: pow,
  BitShift: bitShift,
};
