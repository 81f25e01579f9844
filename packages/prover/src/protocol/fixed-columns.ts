// The preprocessed (fixed) batch, in the order of FixedLayout: user fixed columns, padded table
// copies, sigma columns, l_first, l_last, active, public selectors. Length n each.
import type { Circuit } from "../circuit/circuit.js";
import type { FVec } from "../field/index.js";
import type { Layout } from "./layout.js";
import { sigmaColumns } from "./sigma.js";

function padded(values: FVec, n: number): FVec {
  const v = new BigUint64Array(n);
  v.set(values);
  return v;
}

export function fixedColumns(c: Circuit, lay: Layout): FVec[] {
  const { n, usable } = lay;
  const cols: FVec[] = c.fixedValues.map((v) => padded(v, n));
  // Tables: rows [size, n) repeat row 0, so padding adds no new tuple to the table.
  for (const t of c.tables) {
    for (const col of t.columns) {
      const src = c.fixedValues[col]!;
      const v = new BigUint64Array(n);
      v.fill(src[0]!);
      v.set(src.subarray(0, t.size));
      cols.push(v);
    }
  }
  cols.push(...sigmaColumns(c, lay));
  const lFirst = new BigUint64Array(n);
  lFirst[0] = 1n;
  const lLast = new BigUint64Array(n);
  lLast[usable] = 1n;
  const active = new BigUint64Array(n);
  active.fill(1n, 0, usable);
  cols.push(lFirst, lLast, active);
  for (const col of lay.publicColumns) {
    const v = new BigUint64Array(n);
    for (const p of c.publics) if (p.column === col) v[p.row] = 1n;
    cols.push(v);
  }
  if (cols.length !== lay.fixed.total) throw new Error(`internal: fixed batch has ${cols.length} columns, layout says ${lay.fixed.total}`);
  return cols;
}
