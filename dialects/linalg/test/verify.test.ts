// Verifier rules of structured ops: each broken rule is reported with a message naming it.
import { parseModule, verify } from "@zkmlir/core";
import { ctx } from "./helpers.js";

const check = (body: string, sig = "%a: tensor<2x3xf32>, %o: tensor<2x3xf32>, %v: tensor<2xf32>") => () => {
  const m = parseModule(`func.func @f(${sig}) { ${body} return }`, { context: ctx });
  verify(m, {}, ctx);
};
const g = (maps: string, iters: string, ins: string, outs: string, body: string, res: string) =>
  `%0 = linalg.generic {indexing_maps = [${maps}], iterator_types = [${iters}]} ins(${ins}) outs(${outs}) {\n${body}\n} -> ${res}`;
const ID = "affine_map<(d0, d1) -> (d0, d1)>";
const BODY = "^bb0(%x: f32, %y: f32):\n linalg.yield %x : f32";

test("map count, dims, results and iterator count", () => {
  expect(check(g(`${ID}, ${ID}`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", BODY, "tensor<2x3xf32>"))).not.toThrow();
  expect(check(g(`${ID}, ${ID}, ${ID}`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", BODY, "tensor<2x3xf32>")))
    .toThrow(/'linalg.generic' op expected indexing_maps to have 2 entries \(one per operand\), got 3/);
  expect(check(g(`${ID}, ${ID}`, `"parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", BODY, "tensor<2x3xf32>")))
    .toThrow(/indexing map #0 has 2 dims but the op has 1 iterator types/);
  expect(check(g(`${ID}, affine_map<(d0, d1) -> (d0)>`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", BODY, "tensor<2x3xf32>")))
    .toThrow(/indexing map #1 has 1 results but operand #1 \('tensor<2x3xf32>'\) has rank 2/);
});

test("static shapes must agree with the maps", () => {
  expect(check(g(`${ID}, affine_map<(d0, d1) -> (d1, d0)>`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", BODY, "tensor<2x3xf32>")))
    .toThrow(/operand #1 dimension 0 has size 2 but loop dimension d1 has size 3 \(from operand #0 dimension 1\)/);
  expect(check(g(`affine_map<(d0, d1) -> (d0, d1 + 1)>, ${ID}`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", BODY, "tensor<2x3xf32>")))
    .toThrow(/operand #0 dimension 1 has size 3 but is indexed by 'd1 \+ 1' in \[1, 3\]/);
  expect(check(g(`affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0)>`, `"parallel", "reduction"`, "%v : tensor<2xf32>", "%v : tensor<2xf32>", BODY, "tensor<2xf32>")))
    .toThrow(/cannot infer the size of loop dimension d1: no operand dimension is indexed by it alone/);
});

test("results, body arguments and yield", () => {
  expect(check(g(`${ID}, ${ID}`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", BODY, "tensor<3x2xf32>")))
    .toThrow(/result #0 type 'tensor<3x2xf32>' must match output #0 type 'tensor<2x3xf32>'/);
  expect(check(g(`${ID}, ${ID}`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", "^bb0(%x: f64, %y: f32):\n linalg.yield %y : f32", "tensor<2x3xf32>")))
    .toThrow(/block argument #0 has type 'f64', expected 'f32' \(the element type of operand #0\)/);
  expect(check(g(`${ID}, ${ID}`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", "^bb0(%x: f32):\n linalg.yield %x : f32", "tensor<2x3xf32>")))
    .toThrow(/region block has 1 arguments, expected 2 \(one per operand\)/);
  expect(check(g(`${ID}, ${ID}`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", "^bb0(%x: f32, %y: f32):\n %i = linalg.index 0 : index\n linalg.yield %i : index", "tensor<2x3xf32>")))
    .toThrow(/'linalg.yield' operand #0 has type 'index', expected 'f32' \(the element type of output #0\)/);
  expect(check(g(`${ID}, ${ID}`, `"parallel", "parallel"`, "%a : tensor<2x3xf32>", "%o : tensor<2x3xf32>", "^bb0(%x: f32, %y: f32):\n %i = linalg.index 2 : index\n linalg.yield %x : f32", "tensor<2x3xf32>")))
    .toThrow(/'linalg.index' op expected dim \(2\) to be lower than the number of loops \(2\) of the enclosing op/);
  expect(() => verify(parseModule(`func.func @g() { "linalg.yield"() : () -> () }`, { context: ctx }), {}, ctx)).toThrow(/'linalg.yield' op expects parent op to be a structured linalg op/);
});

test("named ops: operand shapes, attributes and their implicit region", () => {
  const mm = (a: string, b: string, c: string, body = "%m = arith.mulf %x, %y : f32\n %s = arith.addf %o, %m : f32\n linalg.yield %s : f32") =>
    `%0 = "linalg.matmul"(%a, %b, %c) <{operandSegmentSizes = array<i32: 2, 1>}> ({\n^bb0(%x: f32, %y: f32, %o: f32):\n ${body}\n}) : (${a}, ${b}, ${c}) -> ${c}`;
  const sig = "%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>, %d: tensor<4x4xf32>";
  expect(check(mm("tensor<2x3xf32>", "tensor<3x4xf32>", "tensor<2x4xf32>"), sig)).not.toThrow();
  expect(check(mm("tensor<2x3xf32>", "tensor<3x4xf32>", "tensor<4x4xf32>").replace("%c)", "%d)"), sig))
    .toThrow(/'linalg.matmul' op operand #2 dimension 0 has size 4 but loop dimension d0 has size 2/);
  expect(check(mm("tensor<2x3xf32>", "tensor<3x4xf32>", "tensor<2x4xf32>", "%m = arith.mulf %x, %y : f32\n %s = arith.subf %o, %m : f32\n linalg.yield %s : f32"), sig))
    .toThrow(/region does not match the implicit body of 'linalg.matmul' for these operand types \(use linalg.generic for a custom body\)/);
  expect(check(`%0 = linalg.transpose ins(%a : tensor<2x3xf32>) outs(%o : tensor<3x2xf32>) permutation = [1, 1]`, "%a: tensor<2x3xf32>, %o: tensor<3x2xf32>"))
    .toThrow(/permutation \[1, 1\] is not a permutation of the init rank 2/);
  expect(check(`%0 = linalg.broadcast ins(%a : tensor<3xf32>) outs(%o : tensor<2x3xf32>) dimensions = [1]`, "%a: tensor<3xf32>, %o: tensor<2x3xf32>"))
    .toThrow(/'linalg.broadcast' op operand #1 dimension 0 has size 2 but loop dimension d0 has size 3 \(from operand #0 dimension 0\)/);
  expect(check(`%0 = linalg.conv_2d_nchw_fchw {strides = dense<2> : tensor<2xi64>} ins(%i, %w : tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) outs(%o : tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>`, "%i: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>, %o: tensor<1x1x3x3xf32>"))
    .toThrow(/operand #0 dimension 2 has size 5 but is indexed by 'd2 \* 2 \+ d5' in \[0, 6\]/);
  expect(check(`%0 = linalg.conv_2d_nchw_fchw {strides = dense<0> : tensor<2xi64>} ins(%i, %w : tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) outs(%o : tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>`, "%i: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>, %o: tensor<1x1x3x3xf32>"))
    .toThrow(/strides must be positive/);
  expect(check(`%0 = linalg.fill ins(%a : tensor<2x3xf32>) outs(%o : tensor<2x3xf32>) -> tensor<2x3xf32>`)).toThrow(/input value must be a scalar, got 'tensor<2x3xf32>'/);
});
