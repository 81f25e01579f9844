// Conformance of the group-A reference kernels (elementwise, logical, cast, shape and index ops)
// on the ONNX backend test data, read in place from ../shared.
import { runCaseDir, type OnnxModel } from "../src/index.js";
import { pytorchCasesUsing, reportNonPassing, runCasesForOps } from "./helpers/node-cases.js";

const OPS_A = [
  "Abs", "Add", "And", "Ceil", "Celu", "Clip", "Cos", "Acos", "Asin", "Atan", "Sin", "Tan", "Div", "Elu", "Equal", "Erf",
  "Exp", "Floor", "Gelu", "Greater", "GreaterOrEqual", "HardSigmoid", "HardSwish", "Identity", "LeakyRelu", "Less",
  "LessOrEqual", "Log", "Max", "Mean", "Min", "Mish", "Mul", "Neg", "Not", "Or", "Pow", "PRelu", "Reciprocal", "Relu",
  "Round", "Selu", "Sigmoid", "Sign", "Softplus", "Softsign", "Sqrt", "Sub", "Sum", "Tanh", "Xor", "Where", "Cast",
  "CastLike", "Dropout", "Concat", "Constant", "ConstantOfShape", "Expand", "Flatten", "Gather", "GatherElements",
  "GatherND", "Pad", "Range", "Reshape", "Shape", "Size", "Slice", "Split", "Squeeze", "Tile", "Transpose", "Unsqueeze",
  "Trilu", "OneHot", "NonZero", "ScatterElements", "Scatter", "ScatterND", "TopK", "IsNaN", "IsInf", "Sinh", "Cosh",
  "Asinh", "Acosh", "Atanh", "BitShift", "Mod", "ThresholdedRelu", "Shrink", "EyeLike", "Compress", "ReverseSequence", "Swish",
  "BitwiseAnd", "BitwiseOr", "BitwiseXor", "BitwiseNot",
];

/**
 * A case passes, or is unsupported only because of a data type the project does not support, or
 * (for a function op's `_expanded` form) because the expansion uses control flow (Loop), which
 * is not a group-A kernel, or the runner exempts it (training-mode Dropout draws random masks).
 */
const ACCEPTED = /^(PASS|UNSUPPORTED .*unsupported data type|UNSUPPORTED \S+_expanded .*subgraphs \(control flow\)|UNSUPPORTED test_training_dropout\S* .*random generator)/;

describe("group A kernels on ONNX node tests", () => {
  const results = runCasesForOps(OPS_A);
  test("every case passes or is unsupported for its data type", () => {
    reportNonPassing("node cases of group-A ops", results);
    expect(results.length).toBeGreaterThan(500);
    for (const r of results) expect(`${r.status} ${r.name} ${r.reason ?? ""}`).toMatch(ACCEPTED);
  });
});

describe("group A kernels on PyTorch-exported cases", () => {
  const results = pytorchCasesUsing(OPS_A).map((d) => runCaseDir(d));
  test("every case passes or is unsupported for its data type", () => {
    reportNonPassing("pytorch cases using group-A ops", results);
    expect(results.length).toBeGreaterThan(20);
    for (const r of results) expect(`${r.status} ${r.name} ${r.reason ?? ""}`).toMatch(ACCEPTED);
  });
});

describe("group A kernels without the importer's opset normalisation", () => {
  // Kernels accept older attribute forms themselves (axes/pads/split/starts... as attributes,
  // legacy per-channel PRelu), so raw models of any opset must give the same results.
  const raw = { prepare: (m: OnnxModel): OnnxModel => m };
  const results = [...runCasesForOps(OPS_A, raw), ...pytorchCasesUsing(OPS_A).map((d) => runCaseDir(d, raw))];
  test("every case passes or is unsupported for its data type", () => {
    reportNonPassing("raw (unnormalised) cases using group-A ops", results);
    expect(results.length).toBeGreaterThan(520);
    for (const r of results) expect(`${r.status} ${r.name} ${r.reason ?? ""}`).toMatch(ACCEPTED);
  });
});
