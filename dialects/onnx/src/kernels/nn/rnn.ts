import { attrInt } from "../util/nn-attrs.js";
import { clipTo, matVec, recurrentKernel } from "./recurrent.js";

/** RNN: H = f(W·x + R·h + Wb + Rb). */
export const rnn = recurrentKernel({ op: "RNN", gates: 1, defaultActs: ["Tanh"], hasCell: false }, () => (xw, hr, h, _c, [f], { H, clip }) => {
  for (let i = 0; i < H; i++) h[i] = f!(clipTo(xw[i]! + hr[i]!, clip));
});

/**
 * GRU, gates z, r, h: z,r = f(...); h~ = g(W_h·x + Wb_h + R_h·(r ⊙ h) + Rb_h), or with
 * linear_before_reset g(W_h·x + Wb_h + r ⊙ (R_h·h + Rb_h)); H = (1 - z) ⊙ h~ + z ⊙ h.
 */
export const gru = recurrentKernel({ op: "GRU", gates: 3, defaultActs: ["Sigmoid", "Tanh"], hasCell: false }, (attrs) => {
  const linearBeforeReset = attrInt("GRU", attrs, "linear_before_reset", 0) !== 0;
  let z = new Float64Array(0), r = z, rh = z, rhR = z;
  return (xw, hr, h, _c, [f, g], { H, clip, R, rOff, rb }) => {
    if (z.length !== H) { z = new Float64Array(H); r = new Float64Array(H); rh = new Float64Array(H); rhR = new Float64Array(H); }
    for (let i = 0; i < H; i++) {
      z[i] = f!(clipTo(xw[i]! + hr[i]!, clip));
      r[i] = f!(clipTo(xw[H + i]! + hr[H + i]!, clip));
    }
    if (!linearBeforeReset) {
      for (let i = 0; i < H; i++) rh[i] = r[i]! * h[i]!;
      matVec(R, rOff + 2 * H * H, H, H, rh, 0, rb, 2 * H, rhR);
    }
    for (let i = 0; i < H; i++) {
      const pre = xw[2 * H + i]! + (linearBeforeReset ? r[i]! * hr[2 * H + i]! : rhR[i]!);
      const cand = g!(clipTo(pre, clip));
      h[i] = (1 - z[i]!) * cand + z[i]! * h[i]!;
    }
  };
});

/**
 * LSTM, gates i, o, f, c with optional peepholes P = [Pi, Po, Pf] and input_forget (f = 1 - i):
 * C = f ⊙ C + i ⊙ g(c~); H = o ⊙ h(C), o peeking at the new C.
 */
export const lstm = recurrentKernel({ op: "LSTM", gates: 4, defaultActs: ["Sigmoid", "Tanh", "Tanh"], hasCell: true }, (attrs) => {
  const inputForget = attrInt("LSTM", attrs, "input_forget", 0) !== 0;
  return (xw, hr, h, c, [f, g, hAct], { H, clip, peep }) => {
    for (let k = 0; k < H; k++) {
      const pre = (gate: number): number => xw[gate * H + k]! + hr[gate * H + k]!;
      const pi = peep ? peep[k]! : 0, po = peep ? peep[H + k]! : 0, pf = peep ? peep[2 * H + k]! : 0;
      const iG = f!(clipTo(pre(0) + pi * c[k]!, clip));
      const fG = inputForget ? 1 - iG : f!(clipTo(pre(2) + pf * c[k]!, clip));
      const cand = g!(clipTo(pre(3), clip));
      c[k] = fG * c[k]! + iG * cand;
      const oG = f!(clipTo(pre(1) + po * c[k]!, clip));
      h[k] = oG * hAct!(c[k]!);
    }
  };
});
