// THE elementwise builder: every elementwise ONNX op is one broadcast-aware linalg.generic over
// the result shape, with a tensor.empty init and a scalar body. Lowering an op is choosing its
// body, so a later quantization pass only rewrites bodies.
import { AffineMap, cst, dim, RankedTensorType, type AffineExpr, type Builder, type Type, type Value } from "@zkmlir/core";
import { empty, generic, type BodyCtx } from "./structured.js";

/** Body of an elementwise op: the input scalars (`args`, no accumulator) in, one scalar of `out` type out. */
export type ScalarFn = (c: BodyCtx & { readonly out: Type }) => Value;

/** The map reading an operand of `shape` (numpy-broadcast) inside a loop nest over `outShape`. */
export function broadcastMap(shape: readonly number[], outShape: readonly number[]): AffineMap {
  const R = outShape.length, off = R - shape.length;
  const res: AffineExpr[] = shape.map((d, j) => (d === 1 && outShape[off + j] !== 1 ? cst(0) : dim(off + j)));
  return new AffineMap(R, 0, res);
}

/** `out[i] = fn(inputs broadcast at i)`; scalars (rank 0) and size-1 dims broadcast. */
export function elementwise(b: Builder, inputs: readonly Value[], outType: RankedTensorType, fn: ScalarFn): Value {
  const shape = outType.shape;
  const maps = inputs.map((v) => broadcastMap((v.type as RankedTensorType).shape, shape));
  const init = empty(b, outType);
  return generic(b, {
    inputs,
    outputs: [init],
    maps: [...maps, AffineMap.identity(shape.length)],
    iterators: shape.map(() => "parallel" as const),
    body: (c) => [fn({ b: c.b, args: c.args.slice(0, inputs.length), index: c.index, out: outType.elementType })],
  })[0]!;
}
