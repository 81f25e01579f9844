// The onnx dialect's declared ops: generated from the schema table, with typed attributes,
// optional/variadic groups (segment sizes where several), element-type and type-variable checks.
import {
  BuiltinDialect, Context, DenseElementsAttr, FloatAttr, IntegerAttr, Operation, RankedTensorType, StringAttr, Tensor,
  UnknownLoc, UnrankedTensorType, createModule, f32, f64, i1, i64, moduleBody, parseModule, printOp, verify, type Type, type Value,
} from "@zkmlir/core";
import { OnnxDialect, ONNX_OP_SCHEMAS, createOnnxOp, denseOfTensor, onnxOpDef, onnxPositions } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect, OnnxDialect] });

/** A module with `build` adding ops to its body; returns the module. */
function moduleWith(build: (add: (op: Operation) => Operation) => void): Operation {
  const m = createModule();
  const body = moduleBody(m);
  build((op) => { body.insertBefore(op, null); return op; });
  return m;
}
const constant = (t: Tensor): Operation => {
  const value = denseOfTensor(t);
  return Operation.create({ name: "onnx.Constant", resultTypes: [value.type], properties: { value } });
};
const x32 = () => constant(Tensor.fromArray("f32", [2], [1, -2]));
const unranked = (t: Type) => UnrankedTensorType.get(t);

test("every default-domain operator is declared as onnx.<OpType>", () => {
  const names = ONNX_OP_SCHEMAS.filter((s) => s.domain === "ai.onnx").map((s) => `onnx.${s.name}`);
  expect(names.length).toBeGreaterThan(180);
  expect(OnnxDialect.ops.map((d) => d.name).sort()).toEqual(names.sort());
  for (const n of ["onnx.Conv", "onnx.MatMul", "onnx.Gemm", "onnx.LSTM", "onnx.Constant"]) expect(ctx.getOpDef(n)).toBeDefined();
});

test("operands, results and attributes follow the schema", () => {
  const conv = onnxOpDef("Conv")!;
  expect(conv.operands.map((o) => [o.name, o.arity])).toEqual([["X", "single"], ["W", "single"], ["B", "optional"]]);
  expect(conv.operandSegments).toBe(false);
  expect(conv.attributes.get("auto_pad")!.default).toEqual(new StringAttr("NOTSET"));
  expect(conv.attributes.get("group")!.default).toEqual(IntegerAttr.get(1, i64()));
  expect(conv.attributes.get("kernel_shape")!.optional).toBe(true);
  const leaky = onnxOpDef("LeakyRelu")!;
  expect(leaky.attributes.get("alpha")!.default).toEqual(FloatAttr.get(0.01, f32()));
  expect(onnxOpDef("Concat")!.operands[0]!.arity).toBe("variadic");
  expect(onnxOpDef("Concat")!.attributes.get("axis")!.optional).toBe(false); // required, no default
  expect(onnxOpDef("Clip")!.operandSegments).toBe(true);
  expect(onnxOpDef("LSTM")!.resultSegments).toBe(true);
  expect(onnxOpDef("If")!.regions.map((r) => r.name)).toEqual(["else_branch", "then_branch"]); // schema order (alphabetical)
  expect(onnxOpDef("Xor")!.regions.length + onnxOpDef("Xor")!.attributes.size).toBe(0); // the last op before an experimental section
  expect(onnxOpDef("Relu")!.traits.has("Pure")).toBe(true);
  expect(onnxOpDef("RandomNormal")!.traits.has("Pure")).toBe(false);
});

test("an omitted optional input in the middle is an absent operand of its segment", () => {
  let clip!: Operation;
  const m = moduleWith((add) => {
    const x = add(x32()).result(0), hi = add(constant(Tensor.scalar("f32", 0.5))).result(0);
    clip = add(createOnnxOp({ opType: "Clip", inputs: [x, undefined, hi], outputs: [unranked(f32())] }));
  });
  verify(m, {}, ctx);
  expect(clip.getAttr("operandSegmentSizes")).toBeDefined();
  expect(clip.def!.operandGroup(clip, "min")).toEqual([]);
  expect(clip.def!.operand(clip, "max")).toBe(clip.operand(1));
  expect(onnxPositions(clip, "operands")).toEqual([0, -1, 1]);
  expect(printOp(m, { generic: true })).toContain(`operandSegmentSizes = array<i32: 1, 0, 1>`);
});

test("LSTM with only Y_h: results segmented, positions kept", () => {
  const m = moduleWith((add) => {
    const c = (shape: number[]) => add(constant(new Tensor("f32", shape))).result(0);
    const [x, w, r] = [c([1, 1, 2]), c([1, 4, 2]), c([1, 4, 1])];
    const op = add(createOnnxOp({ opType: "LSTM", inputs: [x, w, r], outputs: [undefined, unranked(f32())], attributes: { hidden_size: IntegerAttr.get(1) } }));
    expect(onnxPositions(op, "results")).toEqual([-1, 0]);
    expect(op.getAttr("resultSegmentSizes")).toBeDefined();
  });
  verify(m, {}, ctx);
});

test("verifier: element types, type variables, required attributes, enums, variadic minimum", () => {
  const bad = (opType: string, inputs: (m: (op: Operation) => Operation) => (Value | undefined)[], out: Type[], attrs = {}) => () => {
    const m = moduleWith((add) => { add(createOnnxOp({ opType, inputs: inputs(add), outputs: out, attributes: attrs })); });
    verify(m, {}, ctx);
  };
  const b = () => constant(Tensor.fromArray("i1", [2], [1, 0]));
  const d = () => constant(Tensor.fromArray("f64", [2], [1, 0]));
  expect(bad("Add", (a) => [a(b()).result(0), a(b()).result(0)], [unranked(i1())])).toThrow(/'onnx.Add' op operand #0 \('A'\) must be tensor of .*f32.* but got 'tensor<2xi1>'/);
  expect(bad("Add", (a) => [a(x32()).result(0), a(d()).result(0)], [unranked(f32())])).toThrow(/operand #1 \('B'\) has element type f64, but type 'T' is f32 from operand #0 \('A'\)/);
  expect(bad("Relu", (a) => [a(x32()).result(0)], [unranked(f64())])).toThrow(/result #0 \('Y'\) has element type f64/);
  expect(bad("Concat", (a) => [a(x32()).result(0)], [unranked(f32())])).toThrow(/requires attribute 'axis'/);
  expect(bad("Concat", () => [], [unranked(f32())], { axis: IntegerAttr.get(0) })).toThrow(/group 'inputs' needs at least 1 values, has 0/);
  expect(bad("Conv", (a) => [a(x32()).result(0), a(x32()).result(0)], [unranked(f32())], { auto_pad: new StringAttr("SAME") })).toThrow(/attribute 'auto_pad' failed to satisfy constraint: string attribute, one of "NOTSET"/);
  expect(bad("LeakyRelu", (a) => [a(x32()).result(0)], [unranked(f32())], { alpha: FloatAttr.get(0.1, f64()) })).toThrow(/attribute 'alpha' failed to satisfy constraint: 32-bit float/);
  expect(() => createOnnxOp({ opType: "Conv", inputs: [undefined], outputs: [] })).toThrow(/'onnx.Conv' requires input #0 'X'/);
  expect(() => createOnnxOp({ opType: "NoSuchOp", inputs: [], outputs: [] })).toThrow(/not an operator of the ONNX default domain/);
});

test("onnx.Constant verifies its value, folds, and is the dialect's materializer", () => {
  const c = x32();
  const value = c.getAttr("value") as DenseElementsAttr;
  expect(c.def!.fold!(c, [])).toEqual([value]);
  const mat = OnnxDialect.materializeConstant!(value, value.type, UnknownLoc.instance)!;
  expect(mat.name).toBe("onnx.Constant");
  expect(mat.getAttr("value")).toBe(value);
  expect(OnnxDialect.materializeConstant!(value, RankedTensorType.get([3], f32()), UnknownLoc.instance)).toBeUndefined();
  const wrong = Operation.create({ name: "onnx.Constant", resultTypes: [RankedTensorType.get([3], f32())], properties: { value } });
  expect(() => verify(moduleWith((add) => add(wrong)), {}, ctx)).toThrow(/result type 'tensor<3xf32>' does not match the value's type 'tensor<2xf32>'/);
  const scalar = Operation.create({ name: "onnx.Constant", resultTypes: [RankedTensorType.get([], i64())], properties: { value_int: IntegerAttr.get(7) } });
  verify(moduleWith((add) => add(scalar)), {}, ctx);
  expect((scalar.def!.fold!(scalar, [])![0] as DenseElementsAttr).at(0)).toBe(7n);
});

test("generic form prints and re-parses to the same text", () => {
  const m = moduleWith((add) => {
    const x = add(x32()).result(0);
    const u8 = add(constant(Tensor.fromArray("u8", [3], [0, 200, 255]))).result(0);
    const r = add(createOnnxOp({ opType: "LeakyRelu", inputs: [x], outputs: [RankedTensorType.get([2], f32())], attributes: { alpha: FloatAttr.get(0.2, f32()) } })).result(0);
    add(createOnnxOp({ opType: "Clip", inputs: [r, undefined, add(constant(Tensor.scalar("f32", 1))).result(0)], outputs: [unranked(f32())] }));
    add(createOnnxOp({ opType: "Cast", inputs: [u8], outputs: [RankedTensorType.get([-1], f32())], attributes: { to: IntegerAttr.get(1) } }));
  });
  verify(m, {}, ctx);
  const text = printOp(m, { generic: true });
  expect(text).toContain(`"onnx.Cast"(%1) <{to = 1 : i64}> : (tensor<3xui8>) -> tensor<?xf32>`);
  const again = parseModule(text, { context: ctx });
  verify(again, {}, ctx);
  expect(printOp(again, { generic: true })).toBe(text);
});
