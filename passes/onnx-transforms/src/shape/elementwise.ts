// Elementwise operators: unary ops keep their input's shape, binary/variadic ops broadcast
// (numpy rules), Where broadcasts its three inputs; Dropout's mask has the data's shape.
import type { ShapeFn } from "./context.js";
import { broadcast } from "./dims.js";

const UNARY = [
  "Abs", "Neg", "Sign", "Ceil", "Floor", "Round", "Sqrt", "Exp", "Log", "Reciprocal", "Erf", "Sin", "Cos", "Tan", "Asin",
  "Acos", "Atan", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh", "IsNaN", "IsInf", "Relu", "Tanh", "Sigmoid", "Softplus",
  "Softsign", "Mish", "LeakyRelu", "Elu", "Celu", "Selu", "ThresholdedRelu", "HardSigmoid", "Swish", "HardSwish", "Gelu",
  "Shrink", "BitwiseNot", "Not", "Cast", "CastLike", "Identity", "Clip",
];
const BINARY = [
  "Add", "Sub", "Mul", "Div", "Mod", "Pow", "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "Equal", "Greater",
  "GreaterOrEqual", "Less", "LessOrEqual", "And", "Or", "Xor", "PRelu",
];
const VARIADIC = ["Max", "Min", "Sum", "Mean"];

const same: ShapeFn = (c) => [c.required(0, "input")];
/** PRelu's slope broadcasts unidirectionally to X: the result is X's shape. */
const prelu: ShapeFn = (c) => {
  const x = c.required(0, "X");
  const s = c.required(1, "slope");
  if (x && s) c.check(() => broadcast([x, s], "slope")); // definite conflicts only
  return [x];
};
const allBroadcast: ShapeFn = (c) => {
  const shapes = Array.from({ length: c.nIn }, (_, i) => c.required(i, `input ${i}`));
  return [c.check(() => broadcast(shapes, "broadcast"))];
};
const dropout: ShapeFn = (c) => {
  const x = c.required(0, "data");
  return [x, x];
};

export const ELEMENTWISE_SHAPES: Record<string, ShapeFn> = {
  ...Object.fromEntries(UNARY.map((n) => [n, same])),
  ...Object.fromEntries(BINARY.map((n) => [n, allBroadcast])),
  ...Object.fromEntries(VARIADIC.map((n) => [n, allBroadcast])),
  PRelu: prelu,
  Where: allBroadcast,
  Dropout: dropout,
};
