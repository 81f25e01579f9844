import { join } from "node:path";
import { decodeModel, loadEzklInput, loadModel, parseEzklInput, OnnxInputError } from "../src/index.js";
import { buildModel } from "./helpers/build-model.js";
import { EZKL_MODELS_DIR } from "./helpers/shared.js";

describe("EZKL input.json", () => {
  test("int64 token ids written as floats become exact i64; batch inferred as 1", () => {
    const model = loadModel(join(EZKL_MODELS_DIR, "nanoGPT", "network.onnx"));
    const x = loadEzklInput(join(EZKL_MODELS_DIR, "nanoGPT", "input.json"), model.graph).values().next().value!;
    expect([x.dtype, ...x.shape]).toEqual(["i64", 1, 64]);
    expect(typeof x.data[0]).toBe("bigint");
  });

  test("a symbolic dimension is inferred from the data length (5 rows)", () => {
    const g = decodeModel(buildModel({ inputs: [{ name: "x", dims: ["N", 4] }], outputs: [{ name: "x", dims: ["N", 4] }], nodes: [] })).graph;
    const x = parseEzklInput(JSON.stringify({ input_data: [Array.from({ length: 20 }, (_, i) => i)] }), g).get("x")!;
    expect(x.shape).toEqual([5, 4]);
  });

  test("bool inputs accept true/false and 0/1", () => {
    const g = decodeModel(buildModel({ inputs: [{ name: "b", dims: [3], elemType: 9 }], outputs: [{ name: "b", dims: [3], elemType: 9 }], nodes: [] })).graph;
    expect([...parseEzklInput('{"input_data": [[true, 0, 1.0]]}', g).get("b")!.data]).toEqual([1, 0, 1]);
  });

  const g = decodeModel(buildModel({ inputs: [{ name: "ids", dims: ["b", 2], elemType: 7 }], outputs: [{ name: "ids", dims: ["b", 2], elemType: 7 }], nodes: [] })).graph;
  test.each([
    ["not JSON", "{", /not valid JSON/],
    ["no input_data", "{}", /input_data must be a list of lists/],
    ["wrong number of lists", '{"input_data": [[1, 2], [3, 4]]}', /2 lists, the graph has 1 inputs/],
    ["length that does not fit", '{"input_data": [[1, 2, 3]]}', /3 values do not fit shape \[b, 2\]/],
    ["a fractional int64", '{"input_data": [[1, 2.5]]}', /element 1: 2.5 is not an integer/],
    ["a string element", '{"input_data": [[1, "x"]]}', /element 1 is not a number/],
    ["an int64 beyond 2^53", '{"input_data": [[1, 1e300]]}', /element 1: 1e\+300 is out of range for i64/],
  ])("%s is an input error naming the file", (_what, text, msg) => {
    expect(() => parseEzklInput(text, g, "in.json")).toThrow(OnnxInputError);
    expect(() => parseEzklInput(text, g, "in.json")).toThrow(msg);
  });
});
