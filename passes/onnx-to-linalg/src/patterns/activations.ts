// Activation functions: elementwise generics whose bodies spell the function with arith/math
// ops, written in the same numerically stable forms as the reference kernels.
import type { Builder, Value } from "@zkmlir/core";
import { arith, cmp, constant, math, neg, select } from "../build/scalar.js";
import { floatAttr, stringAttr } from "../util/attrs.js";
import { loweringError } from "../errors.js";
import { ew } from "./elementwise.js";
import type { Lowering } from "./lowering.js";

const k = (b: Builder, like: Value, v: number) => constant(b, like.type, v);
const mulf = (b: Builder, x: Value, y: Value) => arith(b, "mul", x, y);
const addf = (b: Builder, x: Value, y: Value) => arith(b, "add", x, y);

/** 1 / (1 + e^-x) for x >= 0, e^x / (1 + e^x) otherwise (no overflow). */
export function sigmoid(b: Builder, x: Value): Value {
  const e = math(b, "exp", neg(b, math(b, "absf", x)));
  const one = k(b, x, 1);
  const den = addf(b, one, e);
  return select(b, cmp(b, "ge", x, k(b, x, 0)), arith(b, "div", one, den), arith(b, "div", e, den));
}

/** log(1 + e^x) = max(x, 0) + log1p(e^-|x|). */
export function softplus(b: Builder, x: Value): Value {
  return addf(b, arith(b, "max", x, k(b, x, 0)), math(b, "log1p", math(b, "exp", neg(b, math(b, "absf", x)))));
}

const hardSigmoid = (b: Builder, x: Value, alpha: number, beta: number) =>
  arith(b, "max", k(b, x, 0), arith(b, "min", k(b, x, 1), addf(b, mulf(b, k(b, x, alpha), x), k(b, x, beta))));

const gelu: Lowering = ew((c) => {
  const approx = stringAttr(c.op, "approximate", "none");
  if (approx !== "none" && approx !== "tanh") throw loweringError(c.op, `Gelu approximate='${approx}' is not 'none' or 'tanh'`);
  return ({ b, args }) => {
    const x = args[0]!;
    const inner = approx === "none"
      ? math(b, "erf", mulf(b, x, k(b, x, Math.SQRT1_2)))
      : math(b, "tanh", mulf(b, k(b, x, Math.sqrt(2 / Math.PI)), addf(b, x, mulf(b, k(b, x, 0.044715), mulf(b, x, mulf(b, x, x))))));
    return mulf(b, mulf(b, k(b, x, 0.5), x), addf(b, k(b, x, 1), inner));
  };
});

export const ACTIVATIONS: Record<string, Lowering> = {
  Relu: ew(() => ({ b, args }) => arith(b, "max", args[0]!, k(b, args[0]!, 0))),
  Sigmoid: ew(() => ({ b, args }) => sigmoid(b, args[0]!)),
  Softplus: ew(() => ({ b, args }) => softplus(b, args[0]!)),
  Softsign: ew(() => ({ b, args }) => arith(b, "div", args[0]!, addf(b, k(b, args[0]!, 1), math(b, "absf", args[0]!)))),
  Mish: ew(() => ({ b, args }) => mulf(b, args[0]!, math(b, "tanh", softplus(b, args[0]!)))),
  LeakyRelu: ew((c) => {
    const alpha = floatAttr(c.op, "alpha", 0.01);
    return ({ b, args }) => { const x = args[0]!; return select(b, cmp(b, "lt", x, k(b, x, 0)), mulf(b, k(b, x, alpha), x), x); };
  }),
  PRelu: ew(() => ({ b, args }) => { const x = args[0]!; return select(b, cmp(b, "lt", x, k(b, x, 0)), mulf(b, args[1]!, x), x); }),
  Elu: ew((c) => {
    const alpha = floatAttr(c.op, "alpha", 1);
    return ({ b, args }) => { const x = args[0]!; return select(b, cmp(b, "lt", x, k(b, x, 0)), mulf(b, k(b, x, alpha), math(b, "expm1", x)), x); };
  }),
  Celu: ew((c) => {
    const alpha = floatAttr(c.op, "alpha", 1);
    if (alpha === 0) throw loweringError(c.op, "Celu alpha must be nonzero");
    return ({ b, args }) => {
      const x = args[0]!;
      const e = mulf(b, k(b, x, alpha), math(b, "expm1", arith(b, "div", x, k(b, x, alpha))));
      return addf(b, arith(b, "max", k(b, x, 0), x), arith(b, "min", k(b, x, 0), e));
    };
  }),
  Selu: ew((c) => {
    const alpha = floatAttr(c.op, "alpha", 1.67326319217681884765625), gamma = floatAttr(c.op, "gamma", 1.05070102214813232421875);
    return ({ b, args }) => {
      const x = args[0]!;
      const negPart = mulf(b, k(b, x, gamma), arith(b, "sub", mulf(b, k(b, x, alpha), math(b, "exp", x)), k(b, x, alpha)));
      return select(b, cmp(b, "le", x, k(b, x, 0)), negPart, mulf(b, k(b, x, gamma), x));
    };
  }),
  HardSigmoid: ew((c) => {
    const alpha = floatAttr(c.op, "alpha", 0.2), beta = floatAttr(c.op, "beta", 0.5);
    return ({ b, args }) => hardSigmoid(b, args[0]!, alpha, beta);
  }),
  HardSwish: ew(() => ({ b, args }) => mulf(b, args[0]!, hardSigmoid(b, args[0]!, 1 / 6, 0.5))),
  Gelu: gelu,
};

