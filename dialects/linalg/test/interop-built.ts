// Modules built with the builder helpers, each beside the pretty form mlir-opt-19 should turn
// into the same generic IR.
import { Block, Builder, InsertionPoint, FunctionType, RankedTensorType, f32, f64, i8, i32, createModule, moduleBody, type Operation, type Type, type Value } from "@zkmlir/core";
import { createFunc } from "@zkmlir/func";
import { createMatmul, createBatchMatmul, createFill } from "../src/index.js";

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
};
