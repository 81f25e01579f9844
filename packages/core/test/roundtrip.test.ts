import { parseModule, printOp, Context, BuiltinDialect } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
function roundTrip(src: string, opts = {}): string {
  const m = parseModule(src, { context: ctx });
  const once = printOp(m, opts);
  const twice = printOp(parseModule(once, { context: ctx }), opts);
  expect(twice).toBe(once);
  return once;
}

test("generic ops with regions, blocks, successors, properties and attributes", () => {
  const out = roundTrip(`
module {
  %0:2 = "test.op"() <{p = 1 : i32}> {a = "x", u} : () -> (i32, f32)
  "test.region"() ({
  ^bb0(%a: tensor<2x?xf32>):
    "test.use"(%a, %0#0) : (tensor<2x?xf32>, i32) -> ()
    "test.br"()[^bb1] : () -> ()
  ^bb1:
    "test.ret"() : () -> ()
  }) : () -> ()
}`);
  expect(out).toContain(`%0:2 = "test.op"() <{p = 1 : i32}> {a = "x", u} : () -> (i32, f32)`);
});

test("attributes: dense, arrays, affine maps, floats", () => {
  const out = roundTrip(`
"test.a"() {d = dense<[[1.5, -2.0], [0.1, 3.0e+10]]> : tensor<2x2xf32>, s = dense<7> : tensor<4xi64>,
  arr = array<i64: 1, 2>, m = affine_map<(d0, d1) -> (d1, d0 + 2)>, f = 0x7FC00000 : f32, b = true,
  nested = [@foo::@bar, {k = 1}], t = tensor<*xf32>} : () -> ()`);
  expect(out).toContain("#map = affine_map<(d0, d1) -> (d1, d0 + 2)>");
  expect(out).toContain("dense<[[1.5, -2.0], [0.1, 3.0e+10]]> : tensor<2x2xf32>");
  expect(out).toContain("f = 0x7FC00000 : f32");
});

test("parse errors carry file:line:col", () => {
  expect(() => parseModule(`"test.a"(%x) : (i32) -> ()`, { context: ctx, file: "t.mlir" })).toThrow(/undeclared SSA value name '%x'/);
  try {
    parseModule(`\n  "test.a"() : () -> (`, { context: ctx, file: "t.mlir" });
    throw new Error("no error");
  } catch (e) {
    expect((e as { format(): string }).format()).toMatch(/^t\.mlir:2:23: error: expected type/);
  }
});
