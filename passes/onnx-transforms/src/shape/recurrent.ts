// RNN, GRU, LSTM: Y is [seq, dirs, batch, hidden] (layout 0) or [batch, seq, dirs, hidden]
// (layout 1); Y_h and LSTM's Y_c are [dirs, batch, hidden] or [batch, dirs, hidden].
import { DYNAMIC } from "@zkmlir/core";
import type { ShapeFn } from "./context.js";

const recurrent: ShapeFn = (c) => {
  const x = c.required(0, "X");
  const layout = c.int("layout", 0);
  const dirs = c.str("direction", "forward") === "bidirectional" ? 2 : 1;
  const hidden = c.int("hidden_size", DYNAMIC);
  const seq = x ? x[layout === 0 ? 0 : 1]! : DYNAMIC;
  const batch = x ? x[layout === 0 ? 1 : 0]! : DYNAMIC;
  const y = layout === 0 ? [seq, dirs, batch, hidden] : [batch, seq, dirs, hidden];
  const state = layout === 0 ? [dirs, batch, hidden] : [batch, dirs, hidden];
  return [y, state, state];
};

export const RECURRENT_SHAPES: Record<string, ShapeFn> = { RNN: recurrent, GRU: recurrent, LSTM: recurrent };
