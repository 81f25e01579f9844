// RNN, GRU and LSTM unrolled over their static sequence length. Each step is built from
// per-gate projections (x @ W_g^T and h @ R_g^T read W/R in place through their maps), bias
// vectors, and elementwise gate bodies; h (and c) thread through the steps as SSA values and
// each step's h is inserted into Y. Numerics follow the reference kernels' formulas.
import { AffineMap, RankedTensorType, bin, cst, dim, type AffineExpr, type Builder, type Value } from "@zkmlir/core";
import { elementwise } from "../build/elementwise.js";
import { generic, filled, empty } from "../build/structured.js";
import { gatherCopy, insertCopy, windowPureDims } from "../build/reindex.js";
import { arith, cmp, constant, math, select } from "../build/scalar.js";
import { floatsAttr, intAttr, stringAttr, stringsAttr, floatAttr } from "../util/attrs.js";
import { constantNumbers } from "../util/constants.js";
import { staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import { sigmoid, softplus } from "./activations.js";
import type { Lowering, LowerCtx } from "./lowering.js";

type Act = (b: Builder, x: Value) => Value;

const ACTS: Record<string, { params: number[]; make: (a: number, c: number) => Act }> = {
  relu: { params: [], make: () => (b, x) => arith(b, "max", x, constant(b, x.type, 0)) },
  tanh: { params: [], make: () => (b, x) => math(b, "tanh", x) },
  sigmoid: { params: [], make: () => sigmoid },
  affine: { params: [1, 0], make: (a, c) => (b, x) => arith(b, "add", arith(b, "mul", constant(b, x.type, a), x), constant(b, x.type, c)) },
  leakyrelu: { params: [0.01], make: (a) => (b, x) => select(b, cmp(b, "ge", x, constant(b, x.type, 0)), x, arith(b, "mul", constant(b, x.type, a), x)) },
  thresholdedrelu: { params: [1], make: (a) => (b, x) => select(b, cmp(b, "gt", x, constant(b, x.type, a)), x, constant(b, x.type, 0)) },
  scaledtanh: { params: [1, 1], make: (a, c) => (b, x) => arith(b, "mul", constant(b, x.type, a), math(b, "tanh", arith(b, "mul", constant(b, x.type, c), x))) },
  hardsigmoid: { params: [0.2, 0.5], make: (a, c) => (b, x) => arith(b, "max", constant(b, x.type, 0), arith(b, "min", constant(b, x.type, 1), arith(b, "add", arith(b, "mul", constant(b, x.type, a), x), constant(b, x.type, c)))) },
  elu: { params: [1], make: (a) => (b, x) => select(b, cmp(b, "ge", x, constant(b, x.type, 0)), x, arith(b, "mul", constant(b, x.type, a), arith(b, "sub", math(b, "exp", x), constant(b, x.type, 1)))) },
  softsign: { params: [], make: () => (b, x) => arith(b, "div", x, arith(b, "add", constant(b, x.type, 1), math(b, "absf", x))) },
  softplus: { params: [], make: () => softplus },
};

/** The activations list with alpha/beta consumed in order by the activations taking them. */
function activations(c: LowerCtx, defaults: string[], dirs: number): Act[] {
  const names = stringsAttr(c.op, "activations") ?? Array.from({ length: dirs }, () => defaults).flat();
  const alphas = floatsAttr(c.op, "activation_alpha") ?? [], betas = floatsAttr(c.op, "activation_beta") ?? [];
  let ai = 0, bi = 0;
  return names.map((n) => {
    const spec = ACTS[n.toLowerCase()];
    if (!spec) throw loweringError(c.op, `unsupported activation '${n}'`);
    const a = spec.params.length > 0 ? alphas[ai++] ?? spec.params[0]! : 0;
    const b = spec.params.length > 1 ? betas[bi++] ?? spec.params[1]! : 0;
    return spec.make(a, b);
  });
}

interface Geometry { S: number; B: number; I: number; H: number; dirs: number; layout: number }

/** out[b, n] = sum_k v[b, k] * M[d, off + n, k] (a gate block of W or R, transposed by the map). */
function project(bld: Builder, v: Value, m: Value, d: number, off: number, H: number): Value {
  const vt = v.type as RankedTensorType;
  const out = RankedTensorType.get([vt.shape[0]!, H], vt.elementType);
  return generic(bld, {
    inputs: [v, m],
    outputs: [filled(bld, out, 0)],
    maps: [
      new AffineMap(3, 0, [dim(0), dim(2)]),
      windowPureDims(new AffineMap(3, 0, [cst(d), off ? bin("add", dim(1), cst(off)) : dim(1), dim(2)]), (m.type as RankedTensorType).shape, [vt.shape[0]!, H, vt.shape[1]!]),
      new AffineMap(3, 0, [dim(0), dim(1)]),
    ],
    iterators: ["parallel", "parallel", "reduction"],
    body: ({ b, args }) => [arith(b, "add", args[2]!, arith(b, "mul", args[0]!, args[1]!))],
  })[0]!;
}

/** A [H] slice of a [dirs, n] parameter tensor at (d, off), or zeros when absent. */
function vecAt(b: Builder, p: Value | undefined, d: number, off: number, H: number, et: RankedTensorType["elementType"]): Value {
  const t = RankedTensorType.get([H], et);
  if (!p) return filled(b, t, 0);
  return gatherCopy(b, p, new AffineMap(1, 0, [cst(d), off ? bin("add", dim(0), cst(off)) : dim(0)]), t);
}

/** Direction d's state [B, H] from a [dirs, B, H] (layout 0) or [B, dirs, H] (layout 1) tensor. */
function stateAt(b: Builder, s: Value | undefined, d: number, g: Geometry, et: RankedTensorType["elementType"]): Value {
  const t = RankedTensorType.get([g.B, g.H], et);
  if (!s) return filled(b, t, 0);
  const res: AffineExpr[] = g.layout === 0 ? [cst(d), dim(0), dim(1)] : [dim(0), cst(d), dim(1)];
  return gatherCopy(b, s, new AffineMap(2, 0, res), t);
}

type Cell = (b: Builder, x: Value, h: Value, cell: Value | undefined, d: number, acts: Act[]) => { h: Value; c?: Value };

function recurrent(kind: "RNN" | "GRU" | "LSTM"): Lowering {
  const G = { RNN: 1, GRU: 3, LSTM: 4 }[kind];
  const defaults = { RNN: ["Tanh"], GRU: ["Sigmoid", "Tanh"], LSTM: ["Sigmoid", "Tanh", "Tanh"] }[kind];
  return (c) => {
    const X = c.req(0), W = c.req(1), R = c.req(2), Bias = c.input(3);
    const xt = staticType(c.op, X), wt = staticType(c.op, W, "W");
    const layout = intAttr(c.op, "layout", 0);
    const direction = stringAttr(c.op, "direction", "forward");
    const dirs = direction === "bidirectional" ? 2 : 1;
    const [S, B] = layout === 0 ? [xt.shape[0]!, xt.shape[1]!] : [xt.shape[1]!, xt.shape[0]!];
    const g: Geometry = { S, B, I: xt.shape[2]!, H: wt.shape[1]! / G, dirs, layout };
    const H = g.H, et = xt.elementType;
    const lens = c.input(4);
    if (lens) {
      const l = constantNumbers(lens);
      if (!l || l.some((v) => v !== S)) throw loweringError(c.op, "sequence_lens must be a constant equal to the sequence length for every batch row");
    }
    const clip = floatAttr(c.op, "clip", 0);
    const acts = activations(c, defaults, dirs);
    const per = acts.length / dirs;
    const hv = RankedTensorType.get([B, H], et);
    const ew = (ins: Value[], fn: (b: Builder, a: readonly Value[]) => Value) => elementwise(c.b, ins, hv, ({ b, args }) => fn(b, args));
    const clipped = (b: Builder, v: Value) => (clip > 0 ? arith(b, "max", constant(b, v.type, -clip), arith(b, "min", constant(b, v.type, clip), v)) : v);
    /** Pre-activation of gate k: x W_k^T + Wb_k + h R_k^T + Rb_k, as the reference sums them. */
    const gate = (x: Value, h: Value, d: number, k: number) => {
      const xw = project(c.b, x, W, d, k * H, H), hr = project(c.b, h, R, d, k * H, H);
      const wb = vecAt(c.b, Bias, d, k * H, H, et), rb = vecAt(c.b, Bias, d, (G + k) * H, H, et);
      return { xw, hr, wb, rb };
    };
    const sum4 = (b: Builder, a: readonly Value[]) => arith(b, "add", arith(b, "add", a[0]!, a[2]!), arith(b, "add", a[1]!, a[3]!));
    const P = c.input(7);
    const inputForget = intAttr(c.op, "input_forget", 0) !== 0;
    const cells: Record<typeof kind, Cell> = {
      RNN: (_b, x, h, _c, d, [f]) => {
        const q = gate(x, h, d, 0);
        return { h: ew([q.xw, q.hr, q.wb, q.rb], (b, a) => f!(b, clipped(b, sum4(b, a)))) };
      },
      GRU: (_b, x, h, _c, d, [f, gAct]) => {
        const zq = gate(x, h, d, 0), rq = gate(x, h, d, 1);
        const z = ew([zq.xw, zq.hr, zq.wb, zq.rb], (b, a) => f!(b, clipped(b, sum4(b, a))));
        const r = ew([rq.xw, rq.hr, rq.wb, rq.rb], (b, a) => f!(b, clipped(b, sum4(b, a))));
        const xw = project(c.b, x, W, d, 2 * H, H), wb = vecAt(c.b, Bias, d, 2 * H, H, et), rb = vecAt(c.b, Bias, d, (G + 2) * H, H, et);
        let cand: Value;
        if (intAttr(c.op, "linear_before_reset", 0)) {
          const hr = project(c.b, h, R, d, 2 * H, H);
          cand = ew([xw, wb, r, hr, rb], (b, a) => gAct!(b, clipped(b, arith(b, "add", arith(b, "add", a[0]!, a[1]!), arith(b, "mul", a[2]!, arith(b, "add", a[3]!, a[4]!))))));
        } else {
          const rh = ew([r, h], (b, a) => arith(b, "mul", a[0]!, a[1]!));
          const rhr = project(c.b, rh, R, d, 2 * H, H);
          cand = ew([xw, wb, rhr, rb], (b, a) => gAct!(b, clipped(b, arith(b, "add", arith(b, "add", a[0]!, a[1]!), arith(b, "add", a[2]!, a[3]!)))));
        }
        return { h: ew([z, cand, h], (b, a) => arith(b, "add", arith(b, "mul", arith(b, "sub", constant(b, a[0]!.type, 1), a[0]!), a[1]!), arith(b, "mul", a[0]!, a[2]!))) };
      },
      LSTM: (_b, x, h, cell, d, [f, gAct, hAct]) => {
        const [iq, oq, fq, cq] = [0, 1, 2, 3].map((k) => gate(x, h, d, k));
        const peep = (k: number) => vecAt(c.b, P, d, k * H, H, et);
        const withPeep = (q: ReturnType<typeof gate>, p: Value, cs: Value) =>
          ew([q.xw, q.hr, q.wb, q.rb, p, cs], (b, a) => f!(b, clipped(b, arith(b, "add", sum4(b, a), arith(b, "mul", a[4]!, a[5]!)))));
        const i = withPeep(iq!, peep(0), cell!);
        const fg = inputForget ? ew([i], (b, a) => arith(b, "sub", constant(b, a[0]!.type, 1), a[0]!)) : withPeep(fq!, peep(2), cell!);
        const cand = ew([cq!.xw, cq!.hr, cq!.wb, cq!.rb], (b, a) => gAct!(b, clipped(b, sum4(b, a))));
        const cNew = ew([fg, cell!, i, cand], (b, a) => arith(b, "add", arith(b, "mul", a[0]!, a[1]!), arith(b, "mul", a[2]!, a[3]!)));
        const o = withPeep(oq!, peep(1), cNew);
        return { h: ew([o, cNew], (b, a) => arith(b, "mul", a[0]!, hAct!(b, a[1]!))), c: cNew };
      },
    };
    let Y = c.used(0) ? empty(c.b, c.outType(0)) : undefined;
    const stType = RankedTensorType.get(layout === 0 ? [dirs, B, H] : [B, dirs, H], et);
    let Yh = c.used(1) ? empty(c.b, stType) : undefined;
    let Yc = c.used(2) ? empty(c.b, stType) : undefined;
    const stMap = (d: number) => new AffineMap(2, 0, layout === 0 ? [cst(d), dim(0), dim(1)] : [dim(0), cst(d), dim(1)]);
    for (let d = 0; d < dirs; d++) {
      const reverse = direction === "reverse" || d === 1;
      let h = stateAt(c.b, c.input(5), d, g, et);
      let cell = kind === "LSTM" ? stateAt(c.b, c.input(6), d, g, et) : undefined;
      for (let s = 0; s < S; s++) {
        const t = reverse ? S - 1 - s : s;
        const xRes: AffineExpr[] = layout === 0 ? [cst(t), dim(0), dim(1)] : [dim(0), cst(t), dim(1)];
        const x = gatherCopy(c.b, X, new AffineMap(2, 0, xRes), RankedTensorType.get([B, g.I], et));
        const next = cells[kind](c.b, x, h, cell, d, acts.slice(d * per, (d + 1) * per));
        h = next.h; cell = next.c;
        if (Y) Y = insertCopy(c.b, h, Y, new AffineMap(2, 0, layout === 0 ? [cst(t), cst(d), dim(0), dim(1)] : [dim(0), cst(t), cst(d), dim(1)]));
      }
      if (Yh) Yh = insertCopy(c.b, h, Yh, stMap(d));
      if (Yc && cell) Yc = insertCopy(c.b, cell, Yc, stMap(d));
    }
    return [Y, Yh, Yc];
  };
}

export const RECURRENT: Record<string, Lowering> = { RNN: recurrent("RNN"), GRU: recurrent("GRU"), LSTM: recurrent("LSTM") };
