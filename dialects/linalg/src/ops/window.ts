// Sliding-window named ops in NCHW layout: linalg.conv_2d_nchw_fchw and linalg.pooling_nchw_{max,sum}.
// `strides` and `dilations` are `dense<..> : tensor<2xi64>` (default 1); the input is read at
// `oh * stride + kh * dilation` (upstream's maps, memoized as `linalg.memoized_indexing_maps`).
import {
  AffineMap, DenseElementsAttr, RankedTensorType, attrC, bin, cst, dim, i64,
  type AffineExpr, type Attribute, type Operation, type OpDef, type Value,
} from "@zkmlir/core";
import { defineNamed, buildNamed, type CanonicalBody } from "./named.js";
import { mulAccBody, insOuts } from "./contraction.js";
import { castScalar, maxScalar, addScalar } from "../body/scalar-ops.js";

const PAIR = RankedTensorType.get([2], i64());
export const I64PairC = attrC("64-bit signless int elements attribute of shape [2]", (a) => a instanceof DenseElementsAttr && a.type === PAIR);
/** `dense<[a, b]> : tensor<2xi64>` (a splat when a === b, as MLIR prints it). */
export function i64Pair(v: readonly [number, number]): DenseElementsAttr {
  return v[0] === v[1] ? new DenseElementsAttr(PAIR, new BigInt64Array([BigInt(v[0])]), true) : new DenseElementsAttr(PAIR, new BigInt64Array(v.map(BigInt)), false);
}
const ONES = i64Pair([1, 1]);
const windowAttrs = {
  strides: { constraint: I64PairC, default: ONES, doc: "output-to-input step per spatial dim" },
  dilations: { constraint: I64PairC, default: ONES, doc: "window element spacing per spatial dim" },
};

function pair(op: Operation, def: OpDef, name: string): [number, number] {
  const a = def.attr(op, name) as DenseElementsAttr;
  return [Number(a.at(0)), Number(a.at(1))];
}
/** out * stride + win * dilation */
const slide = (o: number, w: number, s: number, d: number): AffineExpr => bin("add", bin("mul", dim(o), cst(s)), bin("mul", dim(w), cst(d)));

function positive(op: Operation, def: OpDef): string | undefined {
  for (const n of ["strides", "dilations"]) if (pair(op, def, n).some((x) => x < 1)) return `${n} must be positive`;
  return insOuts(op, def.operandGroup(op, "inputs").length, def.operandGroup(op, "outputs").length);
}

export const Conv2DNchwFchwOp = defineNamed({
  name: "linalg.conv_2d_nchw_fchw",
  summary: "Performs 2-D convolution.",
  description: "O[n, f, oh, ow] += cast(I[n, c, oh * sh + kh * dh, ow * sw + kw * dw]) * cast(K[f, c, kh, kw]); loops (n, f, oh, ow, c, kh, kw).",
  attributes: windowAttrs,
  view: (op, def) => {
    const [sh, sw] = pair(op, def, "strides"), [dh, dw] = pair(op, def, "dilations");
    const m = (rs: AffineExpr[]) => new AffineMap(7, 0, rs);
    return {
      inputs: def.operandGroup(op, "inputs"), outputs: def.operandGroup(op, "outputs"),
      maps: [m([dim(0), dim(4), slide(2, 5, sh, dh), slide(3, 6, sw, dw)]), m([dim(1), dim(4), dim(5), dim(6)]), m([dim(0), dim(1), dim(2), dim(3)])],
      iterators: ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"], bodyArgs: "all",
    };
  },
  canonicalBody: mulAccBody,
  memoize: true,
  verify: positive,
});

const poolView = (op: Operation, def: OpDef) => {
  const [sh, sw] = pair(op, def, "strides"), [dh, dw] = pair(op, def, "dilations");
  const m = (rs: AffineExpr[]) => new AffineMap(6, 0, rs);
  return {
    inputs: def.operandGroup(op, "inputs"), outputs: def.operandGroup(op, "outputs"),
    maps: [m([dim(0), dim(1), slide(2, 4, sh, dh), slide(3, 5, sw, dw)]), m([dim(4), dim(5)]), m([dim(0), dim(1), dim(2), dim(3)])],
    iterators: ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"] as const, bodyArgs: "all" as const,
  };
};
const poolMaxBody: CanonicalBody = (b, [x, , acc], out) => [maxScalar(b, acc!, castScalar(b, x!, out, false))];
const poolSumBody: CanonicalBody = (b, [x, , acc], out) => [addScalar(b, acc!, castScalar(b, x!, out, false))];

export const PoolingNchwMaxOp = defineNamed({
  name: "linalg.pooling_nchw_max",
  summary: "Performs max pooling.",
  description: "O[n, c, oh, ow] = max(O[n, c, oh, ow], cast(I[n, c, oh * sh + kh * dh, ow * sw + kw * dw])); the second input only gives the window shape (kh, kw).",
  attributes: windowAttrs,
  view: (op, def) => ({ ...poolView(op, def), iterators: [...poolView(op, def).iterators] }),
  canonicalBody: poolMaxBody,
  memoize: true,
  verify: positive,
});

export const PoolingNchwSumOp = defineNamed({
  name: "linalg.pooling_nchw_sum",
  summary: "Performs sum pooling.",
  description: "O[n, c, oh, ow] += cast(I[n, c, oh * sh + kh * dh, ow * sw + kw * dw]); the second input only gives the window shape (kh, kw).",
  attributes: windowAttrs,
  view: (op, def) => ({ ...poolView(op, def), iterators: [...poolView(op, def).iterators] }),
  canonicalBody: poolSumBody,
  memoize: true,
  verify: positive,
});

export interface WindowOptions { strides?: readonly [number, number]; dilations?: readonly [number, number] }
const windowProps = (o: WindowOptions): Record<string, Attribute | undefined> => ({
  strides: o.strides ? i64Pair(o.strides) : undefined,
  dilations: o.dilations ? i64Pair(o.dilations) : undefined,
});

/** `linalg.conv_2d_nchw_fchw {strides, dilations} ins(input, filter) outs(output)`; attributes given only when passed. */
export function createConv2DNchwFchw(input: Value, filter: Value, output: Value, opts: WindowOptions = {}): Operation {
  return buildNamed("linalg.conv_2d_nchw_fchw", [input, filter], [output], windowProps(opts));
}
/** `linalg.pooling_nchw_max ins(input, window) outs(output)`; `window` is any tensor of shape [kh, kw]. */
export function createPoolingNchwMax(input: Value, window: Value, output: Value, opts: WindowOptions = {}): Operation {
  return buildNamed("linalg.pooling_nchw_max", [input, window], [output], windowProps(opts));
}
/** `linalg.pooling_nchw_sum ins(input, window) outs(output)`. */
export function createPoolingNchwSum(input: Value, window: Value, output: Value, opts: WindowOptions = {}): Operation {
  return buildNamed("linalg.pooling_nchw_sum", [input, window], [output], windowProps(opts));
}
