// Reference-interpreter timings: named-op kernels vs the generic loop-nest path on the same op
// (generalized), an elementwise linalg.generic, and generics shaped as the ONNX lowering emits them
// (transpose, floordiv/mod copy, strided pooling window). Run after building:
//   npx tsc -b dialects/linalg && node dialects/linalg/bench/interp-bench.mjs
import { Interpreter, Tensor, RankedTensorType, Block, Builder, InsertionPoint, FunctionType, createModule, moduleBody, f32 } from "@zkmlir/core";
import { createFunc, funcImpls } from "@zkmlir/func";
import { arithImpls } from "@zkmlir/arith";
import { tensorImpls } from "@zkmlir/tensor";
import { linalgImpls, createMatmul, createConv2DNchwFchw, createMap, addScalar, generalize } from "@zkmlir/linalg";

const impls = arithImpls.merge(funcImpls, tensorImpls, linalgImpls);
const t = (s) => RankedTensorType.get(s, f32());

function moduleOf(argTypes, build, asGeneric) {
  const m = createModule();
  const probe = new Block(argTypes);
  const b = new Builder(InsertionPoint.atEnd(probe));
  let op = build(probe.args);
  if (asGeneric) { const g = generalize(op); op.dropAllReferences(); op = g; }
  b.insert(op);
  const fn = createFunc("f", FunctionType.get(argTypes, op.resultTypes));
  const entry = fn.region(0).entry;
  probe.args.forEach((a, i) => a.replaceAllUsesWith(entry.args[i]));
  op.remove();
  entry.append(op);
  new Builder(InsertionPoint.atEnd(entry)).create({ name: "func.return", operands: op.results });
  moduleBody(m).append(fn);
  return m;
}
const rand = (s) => Tensor.fromArray("f32", s, Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => Math.random() - 0.5));

function time(label, m, args, macs) {
  const it = new Interpreter(m, impls);
  it.run("f", args); // compile + warm up
  const reps = 3;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) it.run("f", args);
  const ms = (performance.now() - t0) / reps;
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms  ${(macs / ms / 1e3).toFixed(1).padStart(8)} M elem-ops/s`);
}

const mm = [t([128, 128]), t([128, 128]), t([128, 128])];
const mmArgs = mm.map((x) => rand(x.shape));
for (const g of [false, true]) time(`matmul 128x128x128 f32 (${g ? "generic path" : "kernel"})`, moduleOf(mm, ([a, b, c]) => createMatmul(a, b, c), g), mmArgs, 128 ** 3);

const cv = [t([1, 16, 32, 32]), t([16, 16, 3, 3]), t([1, 16, 30, 30])];
const cvArgs = cv.map((x) => rand(x.shape));
for (const g of [false, true]) time(`conv_2d_nchw_fchw 1x16x32x32 * 16x16x3x3 (${g ? "generic path" : "kernel"})`, moduleOf(cv, ([x, w, o]) => createConv2DNchwFchw(x, w, o), g), cvArgs, 16 * 30 * 30 * 16 * 9);

const ew = [t([1000, 1000]), t([1000, 1000]), t([1000, 1000])];
const ewArgs = ew.map((x) => rand(x.shape));
time("linalg.map addf 1000x1000 f32 (body per element)", moduleOf(ew, ([a, b, o]) => createMap([a, b], o, (bb, [x, y]) => [addScalar(bb, x, y)]), false), ewArgs, 1e6);

// Generics as the ONNX lowering emits them: a transpose copy, a reshape-like copy through
// floordiv/mod maps (split into linear loops), a strided max-pooling window.
import { parseModule, Context, BuiltinDialect } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "@zkmlir/arith";
import { TensorDialect } from "@zkmlir/tensor";
import { LinalgDialect } from "@zkmlir/linalg";
const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect, TensorDialect, LinalgDialect] });
const copy = (inT, outT, inMap, outMap) => parseModule(`func.func @f(%x: ${inT}, %e: ${outT}) -> ${outT} {
  %0 = linalg.generic {indexing_maps = [affine_map<${inMap}>, affine_map<${outMap}>], iterator_types = ["parallel", "parallel"]} ins(%x : ${inT}) outs(%e : ${outT}) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> ${outT}
  return %0 : ${outT}
}`, { context: ctx });
time("transpose copy 1000x1000 f32", copy("tensor<1000x1000xf32>", "tensor<1000x1000xf32>", "(i, j) -> (j, i)", "(i, j) -> (i, j)"), [rand([1000, 1000]), rand([1000, 1000])], 1e6);
time("floordiv/mod copy 64x4096 <- 256x64x16 f32", copy("tensor<256x64x16xf32>", "tensor<64x4096xf32>", "(i, j) -> (j floordiv 16, i, j mod 16)", "(i, j) -> (i, j)"), [rand([256, 64, 16]), rand([64, 4096])], 64 * 4096);
const pool = parseModule(`func.func @f(%x: tensor<1x64x111x111xf32>, %w: tensor<3x3xf32>, %o: tensor<1x64x55x55xf32>) -> tensor<1x64x55x55xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(n, c, h, w, kh, kw) -> (n, c, h * 2 + kh, w * 2 + kw)>, affine_map<(n, c, h, w, kh, kw) -> (kh, kw)>, affine_map<(n, c, h, w, kh, kw) -> (n, c, h, w)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x, %w : tensor<1x64x111x111xf32>, tensor<3x3xf32>) outs(%o : tensor<1x64x55x55xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.maximumf %acc, %a : f32
    linalg.yield %m : f32
  } -> tensor<1x64x55x55xf32>
  return %0 : tensor<1x64x55x55xf32>
}`, { context: ctx });
time("max-pool generic 3x3/2 on 1x64x111x111 f32", pool, [rand([1, 64, 111, 111]), rand([3, 3]), rand([1, 64, 55, 55])], 64 * 55 * 55 * 9);
