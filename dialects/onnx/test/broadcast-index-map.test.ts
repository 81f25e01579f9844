// broadcastIndexMap against a direct per-element computation (unravel the output index, drop the
// leading axes, clamp broadcast axes to 0, ravel into the input) on every small shape pair.
import { broadcastIndexMap, broadcastShapes } from "../src/index.js";

function naive(inShape: readonly number[], outShape: readonly number[]): number[] {
  const n = outShape.reduce((a, b) => a * b, 1);
  const lead = outShape.length - inShape.length;
  return Array.from({ length: n }, (_, flat) => {
    const idx: number[] = [];
    for (let d = outShape.length - 1, r = flat; d >= 0; d--) {
      idx[d] = r % outShape[d]!;
      r = Math.floor(r / outShape[d]!);
    }
    let at = 0;
    inShape.forEach((size, i) => (at = at * size + (size === 1 ? 0 : idx[lead + i]!)));
    return at;
  });
}

/** All shapes of rank 0..3 with dims in {1, 2, 3}. */
function shapes(): number[][] {
  const out: number[][] = [[]];
  for (let rank = 1; rank <= 3; rank++) {
    for (let k = 0; k < 3 ** rank; k++) out.push(Array.from({ length: rank }, (_, i) => (Math.floor(k / 3 ** i) % 3) + 1));
  }
  return out;
}

test("matches the per-element index for every broadcastable pair of small shapes", () => {
  let pairs = 0;
  for (const a of shapes()) {
    for (const b of shapes()) {
      let out: number[];
      try {
        out = broadcastShapes(a, b);
      } catch {
        continue;
      }
      expect([a, out, Array.from(broadcastIndexMap(a, out))]).toEqual([a, out, naive(a, out)]);
      pairs++;
    }
  }
  expect(pairs).toBeGreaterThan(500);
});
