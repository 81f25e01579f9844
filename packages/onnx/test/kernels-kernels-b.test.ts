// Conformance of the group-B reference kernels (reductions, softmax, matmul/gemm/einsum, conv,
// pooling, normalization, resize, recurrent) on the ONNX backend test data, read in place.
import { basename } from "node:path";
import { indexedCases, runCaseDir, type Tolerance } from "../src/index.js";
import { pytorchCasesUsing, reportNonPassing } from "./helpers/node-cases.js";
import { ONNX_TESTS_DIR } from "./helpers/shared.js";

const OPS_B = [
  "ArgMax", "ArgMin", "CumSum", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceMax", "ReduceMean",
  "ReduceMin", "ReduceProd", "ReduceSum", "ReduceSumSquare", "Softmax", "LogSoftmax", "Hardmax", "MatMul", "Gemm",
  "Einsum", "Conv", "ConvTranspose", "AveragePool", "MaxPool", "GlobalAveragePool", "GlobalMaxPool", "LpPool",
  "BatchNormalization", "InstanceNormalization", "LayerNormalization", "GroupNormalization", "LRN",
  "MeanVarianceNormalization", "Resize", "Upsample", "RNN", "LSTM", "GRU", "DepthToSpace", "SpaceToDepth", "MaxUnpool",
];

/** A case passes, or is unsupported only because of a data type the project does not support. */
const ACCEPTED = /^(PASS|UNSUPPORTED .*unsupported data type)/;

/**
 * Cases whose expected outputs are written by hand to 4 significant digits (inputs too), so they
 * only match to ~1e-4 relative: compared with the shared data's documented rtol 1e-3, atol 1e-5.
 */
const ROUNDED_EXPECTATIONS: Readonly<Record<string, Tolerance>> = {
  test_averagepool_2d_ceil_last_window_starts_on_pad: { rtol: 1e-3, atol: 1e-5 },
};

describe("group B kernels on ONNX node tests", () => {
  const results = indexedCases(ONNX_TESTS_DIR, OPS_B).map(({ dir }) => {
    const tolerance = ROUNDED_EXPECTATIONS[basename(dir)];
    return runCaseDir(dir, tolerance ? { tolerance } : {});
  });
  test("every case passes or is unsupported for its data type", () => {
    reportNonPassing("node cases of group-B ops", results);
    expect(results.length).toBeGreaterThan(300);
    for (const r of results) expect(`${r.status} ${r.name} ${r.reason ?? ""}`).toMatch(ACCEPTED);
  });
});

describe("group B kernels on PyTorch-exported cases", () => {
  const results = pytorchCasesUsing(OPS_B).map((d) => runCaseDir(d));
  test("every case passes or is unsupported for its data type", () => {
    reportNonPassing("pytorch cases using group-B ops", results);
    expect(results.length).toBeGreaterThan(20);
    for (const r of results) expect(`${r.status} ${r.name} ${r.reason ?? ""}`).toMatch(ACCEPTED);
  });
});
