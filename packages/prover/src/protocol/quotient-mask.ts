// Zero-knowledge masking of the quotient split (PLONK's randomized split, at stride s = n - h so
// that masked chunks keep degree < n and the FRI degree bound stays n):
//   t_i' = t_i + X^s b_i - b_{i-1}   (b_{-1} = b_{k-1} = 0, each b_i a random extension
//   polynomial with h coefficients), so sum_i X^(i s) t_i' = t telescopes back to t.
// Every opened point p gives, per base component, values t_i'(p) that are uniform subject only to
// sum_i p^(i s) t_i'(p) = t(p): h = 2q + 3 coefficients cover the 3 base values of the extension
// opening at zeta and the 2q leaf values at +-x (distinct points, so the evaluation map on the
// masks is a bijection). t(zeta) is implied by the other openings; t(+-x) is covered by the
// witness blinding rows (layout.ts).
import { vAdd, vSub, type FVec } from "../field/index.js";
import type { Rng } from "../util/random.js";
import type { Layout } from "./layout.js";

/** Masks the unmasked chunks in place (3 base columns per chunk, length n, top h coefficients zero). */
export function maskQuotientChunks(chunks: readonly FVec[], lay: Layout, rng: Rng): void {
  const { n, chunkStride: s, quotientMask: h, numChunks: k } = lay;
  if (chunks.length !== 3 * k || chunks.some((c) => c.length !== n)) {
    throw new Error(`internal: quotient mask expects ${3 * k} chunk columns of length ${n}`);
  }
  for (let i = 0; i + 1 < k; i++) {
    for (let comp = 0; comp < 3; comp++) {
      const b = rng.fieldVec(h);
      const top = chunks[3 * i + comp]!.subarray(s, s + h);
      const bottom = chunks[3 * (i + 1) + comp]!.subarray(0, h);
      vAdd(top, top, b);
      vSub(bottom, bottom, b);
    }
  }
}
