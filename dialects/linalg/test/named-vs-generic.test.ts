// Each named op (fast kernel or generic path) gives bit-identical results to its linalg.generic
// equivalent (`generalize`) on random data, for float and integer element types.
import { Interpreter, Tensor, RankedTensorType, f32, f64, i8, i32, verify, Builder, InsertionPoint, dtypeOf, type Operation, type Type, type Value } from "@zkmlir/core";
import {
  createMatmul, createBatchMatmul, createFill, createConv2DNchwFchw, createPoolingNchwMax, createPoolingNchwSum,
  createTranspose, createBroadcast, createReduce, createMap, generalize, addScalar, mulScalar, maxScalar,
} from "../src/index.js";
import { fastKernels } from "../src/interp/kernels.js";
import { moduleWith } from "./interop-built.js";
import { ctx, impls } from "./helpers.js";

const t = (shape: number[], e: Type) => RankedTensorType.get(shape, e);

let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
function random(type: Type): unknown {
  if (!(type instanceof RankedTensorType)) return type === f64() ? rnd() * 4 - 2 : 0;
  const dt = dtypeOf(type.elementType)!;
  const n = type.numElements;
  const vals = Array.from({ length: n }, () => (dt === "f32" || dt === "f64" ? rnd() * 4 - 2 : Math.floor(rnd() * 256) - 128));
  return Tensor.fromArray(dt, type.shape, vals);
}

interface Case { args: Type[]; build: (b: Builder, a: readonly Value[]) => Operation; kernel?: boolean }
const CASES: Record<string, Case> = {
  matmul_f32: { args: [t([3, 5], f32()), t([5, 4], f32()), t([3, 4], f32())], build: (b, [x, y, z]) => createMatmul(x!, y!, z!), kernel: true },
  matmul_i8_i32: { args: [t([3, 5], i8()), t([5, 4], i8()), t([3, 4], i32())], build: (b, [x, y, z]) => createMatmul(x!, y!, z!), kernel: true },
  matmul_i8_unsigned: { args: [t([3, 5], i8()), t([5, 4], i8()), t([3, 4], i32())], build: (b, [x, y, z]) => createMatmul(x!, y!, z!, { cast: "cast_unsigned" }), kernel: true },
  matmul_i8_f32_generic_path: { args: [t([2, 3], i8()), t([3, 2], i8()), t([2, 2], f32())], build: (b, [x, y, z]) => createMatmul(x!, y!, z!), kernel: false },
  batch_matmul_f64: { args: [t([2, 3, 5], f64()), t([2, 5, 4], f64()), t([2, 3, 4], f64())], build: (b, [x, y, z]) => createBatchMatmul(x!, y!, z!), kernel: true },
  conv_f32_strided_dilated: { args: [t([2, 3, 9, 10], f32()), t([4, 3, 3, 2], f32()), t([2, 4, 3, 3], f32())], build: (b, [x, w, o]) => createConv2DNchwFchw(x!, w!, o!, { strides: [2, 3], dilations: [2, 1] }), kernel: true },
  conv_i8_i32: { args: [t([1, 2, 5, 5], i8()), t([3, 2, 2, 2], i8()), t([1, 3, 4, 4], i32())], build: (b, [x, w, o]) => createConv2DNchwFchw(x!, w!, o!), kernel: true },
  pool_max_f32: { args: [t([1, 2, 7, 7], f32()), t([3, 2], f32()), t([1, 2, 3, 6], f32())], build: (b, [x, k, o]) => createPoolingNchwMax(x!, k!, o!, { strides: [2, 1] }), kernel: true },
  pool_sum_f32: { args: [t([1, 2, 7, 7], f32()), t([2, 2], f32()), t([1, 2, 3, 3], f32())], build: (b, [x, k, o]) => createPoolingNchwSum(x!, k!, o!, { strides: [2, 2], dilations: [2, 2] }), kernel: true },
  pool_max_i32: { args: [t([1, 2, 6, 6], i32()), t([2, 2], i32()), t([1, 2, 5, 5], i32())], build: (b, [x, k, o]) => createPoolingNchwMax(x!, k!, o!), kernel: false },
  fill_f64_to_f32: { args: [f64(), t([2, 3], f32())], build: (b, [v, o]) => createFill(v!, o!) },
  transpose: { args: [t([2, 3, 4], i32()), t([4, 2, 3], i32())], build: (b, [x, o]) => createTranspose(x!, o!, [2, 0, 1]) },
  broadcast: { args: [t([3], f32()), t([2, 3, 4], f32())], build: (b, [x, o]) => createBroadcast(x!, o!, [0, 2]) },
  reduce_two_outputs: {
    args: [t([3, 4], f32()), t([3, 4], f32()), t([4], f32()), t([4], f32())],
    build: (b, [x, y, s, m]) => createReduce([x!, y!], [s!, m!], [0], (bb, [u, v, acc, mx]) => [addScalar(bb, mulScalar(bb, u!, v!), acc!), maxScalar(bb, mx!, u!)]),
  },
  map: { args: [t([2, 3], f32()), t([2, 3], f32()), t([2, 3], f32())], build: (b, [x, y, o]) => createMap([x!, y!], o!, (bb, [u, v]) => [mulScalar(bb, u!, v!)]) },
};

for (const [name, c] of Object.entries(CASES)) {
  test(`named op equals its generic form: ${name}`, () => {
    let named: Operation | undefined;
    const mNamed = moduleWith(c.args, (b, a) => { named = b.insert(c.build(b, a)); return named.results; });
    const mGeneric = moduleWith(c.args, (b, a) => {
      const op = c.build(b, a);
      const g = b.insert(generalize(op));
      op.dropAllReferences();
      return g.results;
    });
    verify(mNamed, {}, ctx);
    verify(mGeneric, {}, ctx);
    if (c.kernel !== undefined) expect(fastKernels[named!.name]?.(named!) !== undefined).toBe(c.kernel);
    const args = c.args.map(random);
    const a = new Interpreter(mNamed, impls).run("f", args) as Tensor[];
    const g = new Interpreter(mGeneric, impls).run("f", args) as Tensor[];
    expect(a.length).toBe(g.length);
    a.forEach((x, i) => {
      expect(x.shape).toEqual(g[i]!.shape);
      expect(Array.from(x.data as ArrayLike<number>)).toEqual(Array.from(g[i]!.data as ArrayLike<number>));
    });
  });
}

test("kernels check shapes like the generic path: a too-small input is an error", () => {
  const m = moduleWith([t([1, 1, 4, 4], f32()), t([1, 1, 3, 3], f32()), t([1, 1, 2, 2], f32())], (b, [x, w, o]) => b.insert(createConv2DNchwFchw(x!, w!, o!)).results);
  const interp = new Interpreter(m, impls);
  const ok = interp.run("f", [random(t([1, 1, 4, 4], f32())), random(t([1, 1, 3, 3], f32())), random(t([1, 1, 2, 2], f32()))]);
  expect(ok.length).toBe(1);
  // Hand-checked: one output element from all-ones input and weights is 9 plus the initial value.
  const ones = (s: number[]) => Tensor.fromArray("f32", s, new Array(s.reduce((p, q) => p * q, 1)).fill(1));
  const [r] = interp.run("f", [ones([1, 1, 4, 4]), ones([1, 1, 3, 3]), ones([1, 1, 2, 2])]) as Tensor[];
  expect(Array.from(r!.data as Float32Array)).toEqual([10, 10, 10, 10]);
  expect(() => interp.run("f", [ones([1, 1, 3, 3]), ones([1, 1, 3, 3]), ones([1, 1, 2, 2])])).toThrow(/linalg.conv_2d_nchw_fchw: operand #0 dimension 2 \(size 3\) is indexed by 'd2 \+ d5' in \[0, 3\]/);
});
