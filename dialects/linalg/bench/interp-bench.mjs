// Reference-interpreter timings: named-op kernels vs the generic loop-nest path on the same op
// (generalized), and an elementwise linalg.generic. Run after building:
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
