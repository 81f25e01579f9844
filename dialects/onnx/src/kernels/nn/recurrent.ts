import { Tensor } from "@zkmlir/core";
import { KernelError, type Attrs, type Kernel } from "../types.js";
import { resolveActivations, type Activation } from "../util/nn-activations.js";
import { attrFloat, attrInt, attrNumbers, attrString, attrStrings, intsOf, requireInput } from "../util/nn-attrs.js";
import { floatData, sameDType, type FloatData } from "../util/nn-dtype.js";

/** What differs between RNN, GRU and LSTM. */
export interface CellKind {
  op: string;
  /** Gate blocks stacked in W/R/B (1, 3 or 4). */
  gates: number;
  /** Activations of one direction by default. */
  defaultActs: string[];
  /** LSTM carries a cell state (initial_c input 6, Y_c output 2). */
  hasCell: boolean;
}

/**
 * One time step for one batch row of one direction. `xw` = W·x + Wb and `hr` = R·h + Rb per gate
 * block (length gates*H each); the step updates h (and c) in place.
 */
export type Step = (xw: Float64Array, hr: Float64Array, h: Float64Array, c: Float64Array, acts: Activation[], ctx: StepContext) => void;

export interface StepContext {
  H: number;
  clip: number;
  /** R matrix of this direction (for GRU's reset-before-linear form) at offset rOff. */
  R: FloatData;
  rOff: number;
  /** R bias of this direction (length gates*H) and peepholes (3*H, LSTM) or undefined. */
  rb: Float64Array;
  peep: Float64Array | undefined;
}

export const clipTo = (v: number, clip: number): number => (clip > 0 ? Math.max(-clip, Math.min(clip, v)) : v);

/** out[i] = M[off + i*cols + j] · v[j] + bias[i] for i < rows. */
export function matVec(M: FloatData, off: number, rows: number, cols: number, v: Float64Array | FloatData, vOff: number, bias: Float64Array, bOff: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    let s = bias[bOff + i]!;
    const mo = off + i * cols;
    for (let j = 0; j < cols; j++) s += M[mo + j]! * v[vOff + j]!;
    out[i] = s;
  }
}

function optionalFloat(op: string, inputs: readonly (Tensor | undefined)[], i: number, name: string, n: number, X: Tensor): Float64Array {
  const t = inputs[i];
  const out = new Float64Array(n);
  if (t === undefined || t.size === 0) return out;
  sameDType(op, X, t, `X and ${name}`);
  if (t.size !== n) throw new KernelError(`${op}: ${name} has ${t.size} values, expected ${n}`);
  out.set(t.data as FloatData);
  return out;
}

/**
 * The shared RNN/GRU/LSTM driver: shapes, layout, directions, sequence_lens, initial states,
 * clip and activations, outputs Y, Y_h (and Y_c). Steps past a row's sequence length leave Y
 * zero and do not change that row's state.
 */
export function runRecurrent(kind: CellKind, step: Step, inputs: readonly (Tensor | undefined)[], attrs: Attrs, nOutputs: number): Tensor[] {
  const { op, gates: G } = kind;
  const X = requireInput(op, inputs, 0, "X"), Wt = requireInput(op, inputs, 1, "W"), Rt = requireInput(op, inputs, 2, "R");
  const x = floatData(op, X, "X");
  sameDType(op, X, Wt, "X and W");
  sameDType(op, X, Rt, "X and R");
  if (X.rank !== 3 || Wt.rank !== 3 || Rt.rank !== 3) throw new KernelError(`${op}: X, W and R must be 3-D, got [${X.shape}], [${Wt.shape}], [${Rt.shape}]`);
  const layout = attrInt(op, attrs, "layout", 0);
  if (layout !== 0 && layout !== 1) throw new KernelError(`${op}: layout must be 0 or 1, got ${layout}`);
  const [S, Bn] = layout === 0 ? [X.shape[0]!, X.shape[1]!] : [X.shape[1]!, X.shape[0]!];
  const I = X.shape[2]!;
  const direction = attrString(op, attrs, "direction", "forward");
  const dirs = direction === "bidirectional" ? 2 : 1;
  if (!["forward", "reverse", "bidirectional"].includes(direction)) throw new KernelError(`${op}: unknown direction "${direction}"`);
  const H = attrInt(op, attrs, "hidden_size", Rt.shape[2]!);
  if (Wt.shape.join() !== [dirs, G * H, I].join() || Rt.shape.join() !== [dirs, G * H, H].join()) {
    throw new KernelError(`${op}: W [${Wt.shape}] / R [${Rt.shape}] do not match ${dirs} direction(s), ${G} gate(s), hidden ${H}, input ${I}`);
  }
  const W = Wt.data as FloatData, R = Rt.data as FloatData;
  const bias = optionalFloat(op, inputs, 3, "B", dirs * 2 * G * H, X);
  const lens = new Int32Array(Bn).fill(S);
  if (inputs[4] && inputs[4].size > 0) {
    const l = intsOf(op, inputs[4], "sequence_lens");
    if (l.length !== Bn || l.some((v) => v < 0 || v > S)) throw new KernelError(`${op}: sequence_lens [${l}] must have ${Bn} values in [0, ${S}]`);
    lens.set(l);
  }
  const stateIdx = (d: number, b: number): number => (layout === 0 ? d * Bn + b : b * dirs + d) * H;
  const h0 = optionalFloat(op, inputs, 5, "initial_h", dirs * Bn * H, X);
  const c0 = kind.hasCell ? optionalFloat(op, inputs, 6, "initial_c", dirs * Bn * H, X) : undefined;
  const peepAll = kind.hasCell && inputs[7] && inputs[7].size > 0 ? optionalFloat(op, inputs, 7, "P", dirs * 3 * H, X) : undefined;
  const clip = attrFloat(op, attrs, "clip", 0);
  const actNames = attrStrings(op, attrs, "activations") ?? [...kind.defaultActs, ...(dirs === 2 ? kind.defaultActs : [])];
  const per = kind.defaultActs.length;
  if (actNames.length !== per * dirs) throw new KernelError(`${op}: activations lists ${actNames.length} names, expected ${per * dirs}`);
  const acts = resolveActivations(op, actNames, attrNumbers(op, attrs, "activation_alpha"), attrNumbers(op, attrs, "activation_beta"));
  const yShape = layout === 0 ? [S, dirs, Bn, H] : [Bn, S, dirs, H];
  const stShape = layout === 0 ? [dirs, Bn, H] : [Bn, dirs, H];
  const Y = new Tensor(X.dtype, yShape), Yh = new Tensor(X.dtype, stShape), Yc = new Tensor(X.dtype, stShape);
  const y = Y.data as FloatData;
  const xw = new Float64Array(G * H), hr = new Float64Array(G * H), h = new Float64Array(H), c = new Float64Array(H);
  for (let d = 0; d < dirs; d++) {
    const reverse = direction === "reverse" || d === 1;
    const ctx: StepContext = { H, clip, R, rOff: d * G * H * H, rb: bias.subarray(d * 2 * G * H + G * H, (d + 1) * 2 * G * H), peep: peepAll?.subarray(d * 3 * H, (d + 1) * 3 * H) };
    const dActs = acts.slice(d * per, (d + 1) * per);
    for (let b = 0; b < Bn; b++) {
      h.set(h0.subarray(stateIdx(d, b), stateIdx(d, b) + H));
      if (c0) c.set(c0.subarray(stateIdx(d, b), stateIdx(d, b) + H));
      for (let k = 0; k < lens[b]!; k++) {
        const t = reverse ? lens[b]! - 1 - k : k;
        const xOff = (layout === 0 ? t * Bn + b : b * S + t) * I;
        matVec(W, d * G * H * I, G * H, I, x, xOff, bias, d * 2 * G * H, xw);
        matVec(R, ctx.rOff, G * H, H, h, 0, ctx.rb, 0, hr);
        step(xw, hr, h, c, dActs, ctx);
        const yOff = layout === 0 ? ((t * dirs + d) * Bn + b) * H : ((b * S + t) * dirs + d) * H;
        y.set(h, yOff);
      }
      (Yh.data as FloatData).set(h, stateIdx(d, b));
      (Yc.data as FloatData).set(c, stateIdx(d, b));
    }
  }
  return (kind.hasCell ? [Y, Yh, Yc] : [Y, Yh]).slice(0, Math.max(1, nOutputs));
}

/** Kernel for one recurrent op kind. */
export function recurrentKernel(kind: CellKind, makeStep: (attrs: Attrs) => Step): Kernel {
  return (inputs, attrs, nOutputs) => runRecurrent(kind, makeStep(attrs), inputs, attrs, nOutputs);
}
