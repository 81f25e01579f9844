// Copy constraints as a permutation: cells of the permutation columns are linked into cycles;
// sigma maps every cell to the next cell of its cycle (identity for unconstrained cells),
// encoded as the field value k_pos * w^row of the target cell.
import type { Circuit } from "../circuit/circuit.js";
import { rootOfUnity } from "../field/index.js";
import { vPowers, vScale, type FVec } from "../field/index.js";
import type { Layout } from "./layout.js";
import { permShift } from "./constraints.js";

/** Union-find over cell ids pos * n + row, then each class becomes one cycle. */
export function sigmaColumns(c: Circuit, lay: Layout): FVec[] {
  const { n } = lay;
  const posOf = new Map<number, number>();
  lay.permColumns.forEach((col, pos) => posOf.set(col, pos));
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (y !== r) {
      const p = parent.get(y)!;
      parent.set(y, r);
      y = p;
    }
    return r;
  };
  for (const [a, b] of c.copies) {
    const ia = posOf.get(a.column)! * n + a.row;
    const ib = posOf.get(b.column)! * n + b.row;
    if (!parent.has(ia)) parent.set(ia, ia);
    if (!parent.has(ib)) parent.set(ib, ib);
    const ra = find(ia);
    const rb = find(ib);
    if (ra !== rb) parent.set(ra, rb);
  }
  const classes = new Map<number, number[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    let cls = classes.get(r);
    if (cls === undefined) classes.set(r, (cls = []));
    cls.push(id);
  }
  const omegaPowers = vPowers(rootOfUnity(lay.logN), n);
  const shifts = lay.permColumns.map((_, pos) => permShift(pos));
  const sigma = lay.permColumns.map((_, pos) => {
    const v = new BigUint64Array(n);
    vScale(v, omegaPowers, shifts[pos]!);
    return v;
  });
  for (const cls of classes.values()) {
    for (let i = 0; i < cls.length; i++) {
      const from = cls[i]!;
      const to = cls[(i + 1) % cls.length]!;
      const toPos = Math.floor(to / n);
      sigma[Math.floor(from / n)]![from % n] = (shifts[toPos]! * omegaPowers[to % n]!) % 0xffff_ffff_0000_0001n;
    }
  }
  return sigma;
}
