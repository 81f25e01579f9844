// MaxPool with its Indices output: one window reduction with two accumulators, the max and its
// flat int64 index into X (N x C x spatial; spatial row-major for storage_order 0, column-major
// for 1), positions from linalg.index. As the reference kernel: pads are skipped, NaNs are
// ignored, and ties keep the first index in window order (update only on a strict >, or on the
// first valid non-NaN cell). A window without such a cell gives index n*C + c scaled to its
// plane and value -inf (floats) or 0 (integers), as the kernel does.
import { AffineMap, IntegerType, RankedTensorType, bin, cst, dim, type Value } from "@zkmlir/core";
import type { IteratorKind } from "@zkmlir/linalg";
import { elementwise } from "../build/elementwise.js";
import { generic, filled, empty } from "../build/structured.js";
import { padSpatial } from "../build/pad.js";
import { arith, cmp, constant, emit, indexTo, select } from "../build/scalar.js";
import { intAttr } from "../util/attrs.js";
import { loweringError } from "../errors.js";
import { lowest } from "./reduce.js";
import type { LowerCtx } from "./lowering.js";
import type { PoolSetup } from "./pool.js";

const i64 = IntegerType.get(64);

/** Element strides of the spatial dims inside one N x C plane, per storage_order. */
function spatialStrides(op: LowerCtx["op"], dims: readonly number[]): number[] {
  const order = intAttr(op, "storage_order", 0);
  if (order !== 0 && order !== 1) throw loweringError(op, `storage_order must be 0 or 1, got ${order}`);
  const strides = new Array<number>(dims.length);
  let acc = 1;
  if (order === 0) for (let i = dims.length - 1; i >= 0; i--) { strides[i] = acc; acc *= dims[i]!; }
  else for (let i = 0; i < dims.length; i++) { strides[i] = acc; acc *= dims[i]!; }
  return strides;
}

/** [values, indices] of MaxPool. */
export function maxPoolWithIndices(c: LowerCtx, s: PoolSetup): [Value, Value] {
  const { x, out, xt, inSp, win, extent } = s;
  const unsigned = c.unsigned(0), et = out.elementType;
  const low = unsigned ? 0 : lowest(et);
  const xp = padSpatial(c.b, x, win.padLo, extent, low);
  const sp = win.kernel.length, L = 2 + 2 * sp, C = xt.shape[1]!;
  const plane = inSp.reduce((a, d) => a * d, 1), strides = spatialStrides(c.op, inSp);
  const o = (i: number) => dim(2 + i), k = (i: number) => dim(2 + sp + i);
  const term = (e: ReturnType<typeof dim>, m: number) => (m === 1 ? e : bin("mul", e, cst(m)));
  const xMap = new AffineMap(L, 0, [dim(0), dim(1), ...win.kernel.map((_, i) => bin("add", term(o(i), win.strides[i]!), term(k(i), win.dilations[i]!)))]);
  const wMap = new AffineMap(L, 0, win.kernel.map((_, i) => k(i)));
  const oMap = new AffineMap(L, 0, [dim(0), dim(1), ...win.kernel.map((_, i) => o(i))]);
  const iters: IteratorKind[] = [...Array.from({ length: 2 + sp }, () => "parallel" as const), ...win.kernel.map(() => "reduction" as const)];
  const idxType = RankedTensorType.get(out.shape, i64);
  const [vals, idx] = generic(c.b, {
    inputs: [xp, empty(c.b, RankedTensorType.get(win.kernel, et))],
    outputs: [filled(c.b, out, low), filled(c.b, idxType, -1)],
    maps: [xMap, wMap, oMap, oMap],
    iterators: iters,
    body: ({ b, args, index }) => {
      const [v, , best, bestIdx] = args as Value[];
      const n = (val: number) => constant(b, i64, val);
      const at = (d: number) => indexTo(b, index(d), i64);
      // Flat index of this cell in X, and whether it lies inside X (not in the padding).
      let flat = arith(b, "mul", arith(b, "add", arith(b, "mul", at(0), n(C)), at(1)), n(plane));
      let valid = constant(b, IntegerType.get(1), 1);
      win.kernel.forEach((_, i) => {
        const off = win.dilations[i]! === 1 ? at(2 + sp + i) : arith(b, "mul", at(2 + sp + i), n(win.dilations[i]!));
        const p = arith(b, "sub", arith(b, "add", arith(b, "mul", at(2 + i), n(win.strides[i]!)), off), n(win.padLo[i]!));
        const inside = emit(b, "arith.andi", [cmp(b, "ge", p, n(0)), cmp(b, "lt", p, n(inSp[i]!))], valid.type);
        valid = emit(b, "arith.andi", [valid, inside], valid.type);
        flat = arith(b, "add", flat, arith(b, "mul", p, n(strides[i]!)));
      });
      const notNaN = cmp(b, "eq", v!, v!, unsigned); // ordered: false only for NaN
      const first = emit(b, "arith.andi", [emit(b, "arith.andi", [cmp(b, "eq", bestIdx!, n(-1)), valid], valid.type), notNaN], valid.type);
      const better = emit(b, "arith.ori", [cmp(b, "gt", v!, best!, unsigned), first], valid.type);
      return [select(b, better, v!, best!), select(b, better, flat, bestIdx!)];
    },
  }) as [Value, Value];
  // Windows with no valid cell: index of the plane's first element, value -inf / 0.
  const indices = elementwise(c.b, [idx], idxType, ({ b, args, index }) => {
    const base = arith(b, "mul", arith(b, "add", arith(b, "mul", indexTo(b, index(0), i64), constant(b, i64, C)), indexTo(b, index(1), i64)), constant(b, i64, plane));
    return select(b, cmp(b, "lt", args[0]!, constant(b, i64, 0)), base, args[0]!);
  });
  if (typeof low === "number") return [vals, indices]; // floats already hold -inf there
  const values = elementwise(c.b, [vals, idx], out, ({ b, args }) => select(b, cmp(b, "lt", args[1]!, constant(b, i64, 0)), constant(b, et, 0), args[0]!));
  return [values, indices];
}
