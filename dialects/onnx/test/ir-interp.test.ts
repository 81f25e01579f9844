// The onnx reference impl table: each op runs its ONNX kernel with attributes and positions
// resolved at compile time; results equal calling the kernel directly.
import {
  Block, ImplTable, Interpreter, IntegerAttr, NameLoc, Operation, RankedTensorType, StringAttr, Tensor, UnrankedTensorType,
  createModule, f32, i64, moduleBody, type Type, type Value,
} from "@zkmlir/core";
import { ONNX_KERNELS, createOnnxOp, denseOfTensor, onnxImpls } from "../src/index.js";

// A minimal function/return pair (the func dialect is not a dependency of this package).
const testImpls = new ImplTable("reference", { "test.return": () => ({ control: (args) => ({ kind: "yield", values: args }) }) });
const impls = onnxImpls.merge(testImpls);

/** Runs a one-function module whose body `build` fills; returns its results. */
function run(argTypes: Type[], args: Tensor[], build: (args: Value[], add: (op: Operation) => Operation) => Value[]): unknown[] {
  const m = createModule();
  const fn = Operation.create({ name: "test.func", regions: 1, properties: { sym_name: new StringAttr("main") } });
  const block = new Block(argTypes);
  const params: Value[] = block.args;
  fn.region(0).addBlock(block);
  moduleBody(m).insertBefore(fn, null);
  const add = (op: Operation) => { block.insertBefore(op, null); return op; };
  const outs = build(params, add);
  add(Operation.create({ name: "test.return", operands: outs }));
  return new Interpreter(m, impls).run("main", args);
}
const u = (t: Type) => UnrankedTensorType.get(t);
const data = (t: unknown) => Array.from((t as Tensor).data as Float32Array);

test("every kernel has an implementation", () => {
  for (const k of Object.keys(ONNX_KERNELS)) expect(onnxImpls.impls.has(`onnx.${k}`)).toBe(true);
});

test("an omitted middle input reaches the kernel as undefined", () => {
  const x = Tensor.fromArray("f32", [4], [-2, 0.25, 0.75, 3]);
  const hi = Tensor.scalar("f32", 0.5);
  const [y] = run([RankedTensorType.get([4], f32())], [x], ([a], add) => {
    const c = add(Operation.create({ name: "onnx.Constant", resultTypes: [denseOfTensor(hi).type], properties: { value: denseOfTensor(hi) } })).result(0);
    return [add(createOnnxOp({ opType: "Clip", inputs: [a, undefined, c], outputs: [u(f32())] })).result(0)];
  });
  expect(data(y)).toEqual(data(ONNX_KERNELS.Clip!([x, undefined, hi], {}, 1)[0]));
  expect(data(y)).toEqual([-2, 0.25, 0.5, 0.5]);
});

test("variadic outputs and attributes (Split) and a present-only optional output (TopK)", () => {
  const x = Tensor.fromArray("f32", [6], [1, 5, 2, 7, 3, 0]);
  const out = run([RankedTensorType.get([6], f32())], [x], ([a], add) => {
    const split = add(createOnnxOp({ opType: "Split", inputs: [a], outputs: [u(f32()), u(f32()), u(f32())], attributes: { num_outputs: IntegerAttr.get(3) } }));
    const k = add(Operation.create({ name: "onnx.Constant", resultTypes: [RankedTensorType.get([1], i64())], properties: { value: denseOfTensor(Tensor.fromArray("i64", [1], [2n])) } })).result(0);
    const topk = add(createOnnxOp({ opType: "TopK", inputs: [a, k], outputs: [u(f32()), u(i64())] }));
    return [...split.results, ...topk.results];
  });
  expect(out.map(data).slice(0, 4)).toEqual([[1, 5], [2, 7], [3, 0], [7, 5]]);
  expect(Array.from((out[4] as Tensor).data as BigInt64Array)).toEqual([3n, 1n]);
});

test("a kernel error names the op and its location; a wrong declared dtype is caught", () => {
  const x = Tensor.fromArray("f32", [2, 3], [1, 2, 3, 4, 5, 6]);
  let err: unknown;
  try {
    run([RankedTensorType.get([2, 3], f32())], [x], ([a], add) => [add(createOnnxOp({ opType: "MatMul", inputs: [a, a], outputs: [u(f32())], loc: new NameLoc("mm1") })).result(0)]);
  } catch (e) {
    err = e;
  }
  expect(String(err)).toMatch(/'onnx.MatMul'/);
  expect((err as { loc?: { body(): string } }).loc?.body()).toBe(`"mm1"`);
  expect(() => run([RankedTensorType.get([2, 3], f32())], [x], ([a], add) => [add(createOnnxOp({ opType: "Shape", inputs: [a], outputs: [u(f32())] })).result(0)]))
    .toThrow(/Shape output #0 is i64, the op declares tensor<\*xf32>/);
});
