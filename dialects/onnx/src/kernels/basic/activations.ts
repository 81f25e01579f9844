import type { Attrs, Kernel } from "../types.js";
import { KernelError } from "../types.js";
import { attrFloat, attrString } from "../util/basic-attrs.js";
import { floatUnary, mapBinary, mapUnary } from "../util/basic-elementwise.js";
import { erf } from "../util/basic-erf.js";
import { checkDtype, fmtShape, input } from "../util/basic-tensor.js";

/** True when `small` broadcasts to exactly `big` (ONNX unidirectional broadcasting). */
function unidirectional(big: readonly number[], small: readonly number[]): boolean {
  if (small.length > big.length) return false;
  const lead = big.length - small.length;
  return small.every((d, i) => d === 1 || d === big[lead + i]);
}

/** Kernel for a float activation whose function depends on attributes. */
function activation(op: string, make: (attrs: Attrs) => (x: number) => number): Kernel {
  return (inputs, attrs) => [floatUnary(input(inputs, 0, op, "X"), make(attrs), op)];
}

/** log(1 + e^x) without overflow for large x. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** 1 / (1 + e^-x) without overflow for very negative x. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

const relu = (x: number): number => (x > 0 ? x : 0);

export const ACTIVATION_KERNELS: Record<string, Kernel> = {
  Relu: (inputs) => {
    const x = input(inputs, 0, "Relu", "X");
    checkDtype(x, ["f32", "f64", "i8", "i16", "i32", "i64"], "Relu", "X");
    return [mapUnary(x, { float: relu, int: relu, i64: (v) => (v > 0n ? v : 0n) }, "Relu")];
  },
  Tanh: activation("Tanh", () => Math.tanh),
  Sigmoid: activation("Sigmoid", () => sigmoid),
  Softplus: activation("Softplus", () => softplus),
  Softsign: activation("Softsign", () => (x) => x / (1 + Math.abs(x))),
  Mish: activation("Mish", () => (x) => x * Math.tanh(softplus(x))),
  LeakyRelu: activation("LeakyRelu", (a) => {
    const alpha = attrFloat(a, "LeakyRelu", "alpha", 0.01);
    return (x) => (x < 0 ? alpha * x : x);
  }),
  Elu: activation("Elu", (a) => {
    const alpha = attrFloat(a, "Elu", "alpha", 1);
    return (x) => (x < 0 ? alpha * Math.expm1(x) : x);
  }),
  Celu: activation("Celu", (a) => {
    const alpha = attrFloat(a, "Celu", "alpha", 1);
    if (alpha === 0) throw new KernelError("Celu: attribute 'alpha' must be nonzero");
    return (x) => Math.max(0, x) + Math.min(0, alpha * Math.expm1(x / alpha));
  }),
  Selu: activation("Selu", (a) => {
    const alpha = attrFloat(a, "Selu", "alpha", 1.67326319217681884765625);
    const gamma = attrFloat(a, "Selu", "gamma", 1.05070102214813232421875);
    return (x) => (x > 0 ? gamma * x : gamma * (alpha * Math.exp(x) - alpha));
  }),
  ThresholdedRelu: activation("ThresholdedRelu", (a) => {
    const alpha = attrFloat(a, "ThresholdedRelu", "alpha", 1);
    return (x) => (x > alpha ? x : 0);
  }),
  HardSigmoid: activation("HardSigmoid", (a) => {
    const alpha = attrFloat(a, "HardSigmoid", "alpha", 0.2);
    const beta = attrFloat(a, "HardSigmoid", "beta", 0.5);
    return (x) => Math.max(0, Math.min(1, alpha * x + beta));
  }),
  Swish: activation("Swish", (a) => {
    const alpha = attrFloat(a, "Swish", "alpha", 1);
    return (x) => x * sigmoid(alpha * x);
  }),
  HardSwish: activation("HardSwish", () => (x) => x * Math.max(0, Math.min(1, x / 6 + 0.5))),
  Gelu: activation("Gelu", (a) => {
    const approx = attrString(a, "Gelu", "approximate", "none");
    if (approx === "none") return (x) => 0.5 * x * (1 + erf(x / Math.SQRT2));
    if (approx === "tanh") return (x) => 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
    throw new KernelError(`Gelu: attribute 'approximate' must be none or tanh, got '${approx}'`);
  }),
  Shrink: (inputs, attrs) => {
    const x = input(inputs, 0, "Shrink", "input");
    const bias = attrFloat(attrs, "Shrink", "bias", 0);
    const lambd = attrFloat(attrs, "Shrink", "lambd", 0.5);
    const f = (v: number): number => (v < -lambd ? v + bias : v > lambd ? v - bias : 0);
    // Integer inputs: compare and shift in float64, the store wraps like the type.
    // i64 stays exact when bias is an integer (the usual case).
    const b = Number.isInteger(bias) ? BigInt(bias) : undefined;
    const big = (v: bigint): bigint => {
      const n = Number(v);
      if (b === undefined) return BigInt(Math.trunc(f(n)));
      return n < -lambd ? v + b : n > lambd ? v - b : 0n;
    };
    return [mapUnary(x, { float: f, int: (v) => Math.trunc(f(v)), i64: big }, "Shrink")];
  },
  PRelu: (inputs) => {
    const x = input(inputs, 0, "PRelu", "X");
    let slope = input(inputs, 1, "PRelu", "slope");
    // PRelu-6 and older: a 1-D slope of length C is per channel (axis 1). Since PRelu-7 that
    // shape would not broadcast, so reading it as [C,1,...,1] changes no valid current model.
    if (slope.rank === 1 && x.rank >= 2 && slope.size === x.shape[1] && slope.size !== x.shape[x.rank - 1]) {
      slope = slope.reshape([slope.size, ...new Array<number>(x.rank - 2).fill(1)]);
    }
    // slope broadcasts unidirectionally to X.
    if (!unidirectional(x.shape, slope.shape)) {
      throw new KernelError(`PRelu: slope shape ${fmtShape(slope.shape)} does not broadcast to X shape ${fmtShape(x.shape)}`);
    }
    checkDtype(x, ["f32", "f64", "i32", "i64", "i8", "i16", "u8"], "PRelu", "X");
    const f = (v: number, s: number): number => (v < 0 ? s * v : v);
    const fi = (v: number, s: number): number => (v < 0 ? Math.imul(s, v) : v);
    return [mapBinary(x, slope, { float: f, int: fi, i64: (v, s) => (v < 0n ? s * v : v) }, "PRelu")];
  },
};
