// Group-A kernels: coverage of the operator list, and bad input giving a clear KernelError.
import { KernelError, ONNX_KERNELS } from "../src/index.js";
import { f32, i64, run, run1 } from "./kernels-a-helpers.js";

const GROUP_A = [
  "Abs", "Add", "And", "Ceil", "Celu", "Clip", "Cos", "Acos", "Asin", "Atan", "Sin", "Tan", "Div", "Elu", "Equal", "Erf",
  "Exp", "Floor", "Gelu", "Greater", "GreaterOrEqual", "HardSigmoid", "HardSwish", "Identity", "LeakyRelu", "Less",
  "LessOrEqual", "Log", "Max", "Mean", "Min", "Mish", "Mul", "Neg", "Not", "Or", "Pow", "PRelu", "Reciprocal", "Relu",
  "Round", "Selu", "Sigmoid", "Sign", "Softplus", "Softsign", "Sqrt", "Sub", "Sum", "Tanh", "Xor", "Where", "Cast",
  "CastLike", "Dropout", "Concat", "Constant", "ConstantOfShape", "Expand", "Flatten", "Gather", "GatherElements",
  "GatherND", "Pad", "Range", "Reshape", "Shape", "Size", "Slice", "Split", "Squeeze", "Tile", "Transpose", "Unsqueeze",
  "Trilu", "OneHot", "NonZero", "ScatterElements", "TopK", "IsNaN", "IsInf", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh",
  "BitShift", "Mod", "ThresholdedRelu", "Shrink", "EyeLike", "ScatterND", "Compress", "ReverseSequence",
];

test("every group-A operator has a kernel", () => {
  expect(GROUP_A.filter((op) => !ONNX_KERNELS[op])).toEqual([]);
});

/** Run and return the thrown error's message, failing if it is not a KernelError. */
function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KernelError);
    return (e as Error).message;
  }
  throw new Error("expected a KernelError, nothing was thrown");
}

describe("bad input gives a KernelError naming the op and the problem", () => {
  const x = f32([2, 3], [1, 2, 3, 4, 5, 6]);
  test.each([
    ["missing input", () => run1("Add", [x]), /^Add: missing required input 1/],
    ["axis out of range", () => run1("Concat", [x, x], { axis: 2 }), /^Concat: axis 2 out of range for rank 2/],
    ["gather index out of range", () => run1("Gather", [x, i64([1], [-3n])]), /^Gather: index -3 out of range/],
    ["scatter index out of range", () => run1("ScatterElements", [x, i64([1, 1], [5n]), f32([1, 1], [0])]), /index 5 out of range/],
    ["non-integer shape input", () => run1("Reshape", [x, f32([1], [6])]), /^Reshape: input 'shape' must be an integer tensor/],
    ["huge ConstantOfShape", () => run1("ConstantOfShape", [i64([2], [1n << 20n, 1n << 20n])]), /^ConstantOfShape: output shape .* more than/],
    ["huge Tile", () => run1("Tile", [x, i64([2], [1n << 20n, 1n << 20n])]), /^Tile: output shape/],
    ["Range with zero delta", () => run1("Range", [f32([], [0]), f32([], [1]), f32([], [0])]), /^Range: delta must be nonzero/],
    ["Range too long", () => run1("Range", [f32([], [0]), f32([], [1e12]), f32([], [1])]), /^Range: .* too many/],
    ["Split count mismatch", () => run("Split", [x], { axis: 1 }, 2), /^Split: 3 is not divisible into 2/],
    ["Unsqueeze without axes", () => run1("Unsqueeze", [x]), /^Unsqueeze: missing input 'axes'/],
    ["Trilu on a vector", () => run1("Trilu", [f32([2], [1, 2])]), /^Trilu: input must have rank >= 2/],
    ["Where with a float condition", () => run1("Where", [x, x, x]), /^unsupported data type f32 for input 'condition' of Where/],
    ["Cast without 'to'", () => run1("Cast", [x]), /^Cast: missing required attribute 'to'/],
    ["attribute of the wrong kind", () => run1("LeakyRelu", [x], { alpha: "big" }), /^LeakyRelu: attribute 'alpha' must be a float/],
  ])("%s", (_name, f, re) => {
    expect(errorOf(f)).toMatch(re);
  });
});
