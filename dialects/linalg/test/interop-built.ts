// Modules built with the builder helpers, each beside the pretty form mlir-opt-19 should turn
// into the same generic IR.
import { Block, Builder, InsertionPoint, FunctionType, RankedTensorType, f32, f64, i8, i32, createModule, moduleBody, type Operation, type Type, type Value } from "@zkmlir/core";
import { createFunc } from "@zkmlir/func";
import { createMatmul, createBatchMatmul, createFill, createConv2DNchwFchw, createPoolingNchwMax, createPoolingNchwSum, createTranspose, createBroadcast, createReduce, createMap, addScalar } from "../src/index.js";

const t = (shape: number[], e: Type) => RankedTensorType.get(shape, e);

/** A module with one function `@f(args) -> results` whose body `body` builds. */
export function moduleWith(args: Type[], body: (b: Builder, args: readonly Value[]) => Value[]): Operation {
  const m = createModule();
  const b0 = new Builder(InsertionPoint.atEnd(moduleBody(m)));
  const probe = new Block(args);
  const b = new Builder(InsertionPoint.atEnd(probe));
  const results = body(b, probe.args);
  const fn = createFunc("f", FunctionType.get(args, results.map((r) => r.type)));
  const entry = fn.region(0).entry!;
  probe.args.forEach((a, i) => a.replaceAllUsesWith(entry.args[i]!));
  for (const op of probe.opsArray()) { op.remove(); entry.append(op); }
  new Builder(InsertionPoint.atEnd(entry)).create({ name: "func.return", operands: results });
  b0.insert(fn);
  return m;
}

const ins = (b: Builder, op: Operation) => b.insert(op).results;

export const BUILT: Record<string, { pretty: string; build: () => Operation }> = {
  matmul_i8: {
    pretty: `func.func @f(%a: tensor<2x3xi8>, %b: tensor<3x4xi8>, %c: tensor<2x4xi32>) -> (tensor<2x4xi32>, tensor<2x4xi32>) {
      %0 = linalg.matmul ins(%a, %b : tensor<2x3xi8>, tensor<3x4xi8>) outs(%c : tensor<2x4xi32>) -> tensor<2x4xi32>
      %1 = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%a, %b : tensor<2x3xi8>, tensor<3x4xi8>) outs(%0 : tensor<2x4xi32>) -> tensor<2x4xi32>
      return %0, %1 : tensor<2x4xi32>, tensor<2x4xi32> }`,
    build: () => moduleWith([t([2, 3], i8()), t([3, 4], i8()), t([2, 4], i32())], (b, [a, x, c]) => {
      const [m0] = ins(b, createMatmul(a!, x!, c!));
      const [m1] = ins(b, createMatmul(a!, x!, m0!, { cast: "cast_unsigned" }));
      return [m0!, m1!];
    }),
  },
  batch_matmul_fill: {
    pretty: `func.func @f(%a: tensor<5x2x3xf32>, %b: tensor<5x3x4xf32>, %c: tensor<5x2x4xf32>, %v: f64) -> tensor<5x2x4xf32> {
      %0 = linalg.fill ins(%v : f64) outs(%c : tensor<5x2x4xf32>) -> tensor<5x2x4xf32>
      %1 = linalg.batch_matmul ins(%a, %b : tensor<5x2x3xf32>, tensor<5x3x4xf32>) outs(%0 : tensor<5x2x4xf32>) -> tensor<5x2x4xf32>
      return %1 : tensor<5x2x4xf32> }`,
    build: () => moduleWith([t([5, 2, 3], f32()), t([5, 3, 4], f32()), t([5, 2, 4], f32()), f64()], (b, [a, x, c, v]) => {
      const [fl] = ins(b, createFill(v!, c!));
      return [...ins(b, createBatchMatmul(a!, x!, fl!))];
    }),
  },
  windows: {
    pretty: `func.func @f(%i: tensor<1x3x8x8xi8>, %w: tensor<4x3x3x3xi8>, %o: tensor<1x4x3x2xi32>, %k: tensor<2x2xi8>, %p: tensor<1x3x4x4xi32>) -> (tensor<1x4x3x2xi32>, tensor<1x3x4x4xi32>, tensor<1x3x4x4xi32>) {
      %0 = linalg.conv_2d_nchw_fchw {strides = dense<[2, 3]> : tensor<2xi64>} ins(%i, %w : tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>) outs(%o : tensor<1x4x3x2xi32>) -> tensor<1x4x3x2xi32>
      %1 = linalg.pooling_nchw_max {dilations = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x3x8x8xi8>, tensor<2x2xi8>) outs(%p : tensor<1x3x4x4xi32>) -> tensor<1x3x4x4xi32>
      %2 = linalg.pooling_nchw_sum {strides = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x3x8x8xi8>, tensor<2x2xi8>) outs(%p : tensor<1x3x4x4xi32>) -> tensor<1x3x4x4xi32>
      return %0, %1, %2 : tensor<1x4x3x2xi32>, tensor<1x3x4x4xi32>, tensor<1x3x4x4xi32> }`,
    build: () => moduleWith([t([1, 3, 8, 8], i8()), t([4, 3, 3, 3], i8()), t([1, 4, 3, 2], i32()), t([2, 2], i8()), t([1, 3, 4, 4], i32())], (b, [i, w, o, k, p]) => [
      ...ins(b, createConv2DNchwFchw(i!, w!, o!, { strides: [2, 3] })),
      ...ins(b, createPoolingNchwMax(i!, k!, p!, { dilations: [2, 2] })),
      ...ins(b, createPoolingNchwSum(i!, k!, p!, { strides: [2, 2] })),
    ]),
  },
  data_movement: {
    pretty: `func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>, %c: tensor<3xf32>, %d: tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<3x5xf32>, tensor<3xf32>, tensor<3xf32>) {
      %0 = linalg.transpose ins(%a : tensor<2x3xf32>) outs(%b : tensor<3x2xf32>) permutation = [1, 0]
      %1 = linalg.broadcast ins(%c : tensor<3xf32>) outs(%d : tensor<3x5xf32>) dimensions = [1]
      %2 = linalg.reduce ins(%1 : tensor<3x5xf32>) outs(%c : tensor<3xf32>) dimensions = [1] (%in: f32, %init: f32) {
        %s = arith.addf %in, %init : f32
        linalg.yield %s : f32
      }
      %3 = linalg.map ins(%c, %2 : tensor<3xf32>, tensor<3xf32>) outs(%c : tensor<3xf32>) (%x: f32, %y: f32) {
        %s = arith.addf %x, %y : f32
        linalg.yield %s : f32
      }
      return %0, %1, %2, %3 : tensor<3x2xf32>, tensor<3x5xf32>, tensor<3xf32>, tensor<3xf32> }`,
    build: () => moduleWith([t([2, 3], f32()), t([3, 2], f32()), t([3], f32()), t([3, 5], f32())], (b, [a, x, c, d]) => {
      const [tr] = ins(b, createTranspose(a!, x!, [1, 0]));
      const [br] = ins(b, createBroadcast(c!, d!, [1]));
      const [rd] = ins(b, createReduce([br!], [c!], [1], (bb, [v, acc]) => [addScalar(bb, v!, acc!)]));
      const [mp] = ins(b, createMap([c!, rd!], c!, (bb, [u, v]) => [addScalar(bb, u!, v!)]));
      return [tr!, br!, rd!, mp!];
    }),
  },
};
