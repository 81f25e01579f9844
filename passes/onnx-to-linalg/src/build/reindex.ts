// Data movement as linalg.generic copies with affine indexing maps: transposes, reshapes
// (floordiv/mod of the linear index), slices (offset + stride * i), broadcasts and tiles (mod),
// and insertion of a tensor into a region of another (concat, pad).
import { AffineMap, bin, cst, dim, RankedTensorType, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import { empty, generic } from "./structured.js";

/** `out[i] = src[map(i)]` over the loop nest of `outType`'s shape. */
export function gatherCopy(b: Builder, src: Value, map: AffineMap, outType: RankedTensorType): Value {
  map = windowPureDims(map, (src.type as RankedTensorType).shape, outType.shape);
  return generic(b, {
    inputs: [src],
    outputs: [empty(b, outType)],
    maps: [map, AffineMap.identity(outType.rank)],
    iterators: outType.shape.map(() => "parallel" as const),
    body: (c) => [c.args[0]!],
  })[0]!;
}

/** `dest[map(i)] = src[i]` over src's shape; the rest of dest is kept (destination passing). */
export function insertCopy(b: Builder, src: Value, dest: Value, map: AffineMap): Value {
  const st = src.type as RankedTensorType;
  map = windowPureDims(map, (dest.type as RankedTensorType).shape, st.shape);
  return generic(b, {
    inputs: [src],
    outputs: [dest],
    maps: [AffineMap.identity(st.rank), map],
    iterators: st.shape.map(() => "parallel" as const),
    body: (c) => [c.args[0]!],
  })[0]!;
}

/**
 * A bare `d_j` result where the operand's dim differs from loop j's extent would tell upstream's
 * verifier the loop spans the whole operand dim; such results become `d_j mod size` (equal on
 * the loop's range, which is smaller than the operand dim).
 */
export function windowPureDims(map: AffineMap, operandShape: readonly number[], loopShape: readonly number[]): AffineMap {
  let changed = false;
  const res = map.results.map((e, j) => {
    if (e.kind !== "dim" || operandShape[j] === loopShape[e.pos]) return e;
    changed = true;
    return bin("mod", e, cst(operandShape[j]!));
  });
  return changed ? new AffineMap(map.numDims, map.numSymbols, res) : map;
}

const add = (a: AffineExpr, c: number): AffineExpr => (c === 0 ? a : bin("add", a, cst(c)));
const mul = (a: AffineExpr, c: number): AffineExpr => (c === 1 ? a : bin("mul", a, cst(c)));

/** Map for a strided window: operand dim j is `offsets[j] + strides[j] * d_j`. */
export function offsetMap(offsets: readonly number[], strides?: readonly number[]): AffineMap {
  return new AffineMap(offsets.length, 0, offsets.map((o, j) => add(mul(dim(j), strides?.[j] ?? 1), o)));
}

/** `linalg.transpose` as a copy: out[i] = in[perm^-1(i)], i.e. out dim k reads in dim perm[k]. */
export function transposeMap(perm: readonly number[]): AffineMap {
  const res: AffineExpr[] = new Array<AffineExpr>(perm.length);
  perm.forEach((p, k) => { res[p] = dim(k); });
  return new AffineMap(perm.length, 0, res);
}

/**
 * Map reading a tensor of `inShape` at the row-major position of each index of `outShape`
 * (same element count). Dims are grouped where the running products agree, so common reshapes
 * (merging or splitting dims) give short maps; within a group the linear index is split with
 * floordiv/mod.
 */
export function reshapeMap(inShape: readonly number[], outShape: readonly number[]): AffineMap {
  const count = (s: readonly number[]) => s.reduce((a, d) => a * d, 1);
  if (count(inShape) !== count(outShape) || count(inShape) === 0) throw new RangeError(`cannot reshape [${inShape.join(", ")}] to [${outShape.join(", ")}]`);
  const res: AffineExpr[] = [];
  let i = 0, o = 0;
  while (i < inShape.length || o < outShape.length) {
    // Grow a group [i0, i) x [o0, o) until both products agree (size-1 dims join greedily).
    const i0 = i, o0 = o;
    let pi = 1, po = 1;
    if (i < inShape.length) pi *= inShape[i++]!;
    if (o < outShape.length) po *= outShape[o++]!;
    while (pi !== po || (i < inShape.length && inShape[i] === 1 && o >= outShape.length) || (o < outShape.length && outShape[o] === 1 && i >= inShape.length)) {
      if (pi <= po && i < inShape.length) pi *= inShape[i++]!;
      else if (o < outShape.length) po *= outShape[o++]!;
      else pi *= inShape[i++]!;
    }
    // Linear index of the group's output dims.
    let lin: AffineExpr = cst(0);
    let first = true;
    for (let k = o0; k < o; k++) {
      if (outShape[k] === 1) continue;
      lin = first ? dim(k) : bin("add", mul(lin, outShape[k]!), dim(k));
      first = false;
    }
    let stride = pi;
    for (let k = i0; k < i; k++) {
      const n = inShape[k]!;
      stride /= n;
      if (n === 1) { res.push(cst(0)); continue; }
      if (o - o0 === 1 && i - i0 === 1) { res.push(lin); continue; }
      let e = stride === 1 ? lin : bin("floordiv", lin, cst(stride));
      if (k !== i0) e = bin("mod", e, cst(n)); // the group's first dim needs no mod: lin < product
      res.push(e);
    }
  }
  return new AffineMap(outShape.length, 0, res);
}
