// Structural validation of a circuit: indices in range, rotations stay inside the used rows,
// selectors are 0/1, tables fit. Everything downstream relies on these invariants.
import { CircuitError } from "../errors.js";
import { P } from "../field/index.js";
import type { Circuit, Witness } from "./circuit.js";
import type { ConstraintSystem } from "./constraint-system.js";
import { maxRotation, visitColumns, type Expr } from "./expr.js";

/** Rotations are bounded so that blinding rows stay unreachable and the format stays small. */
export const MAX_ROTATION = 8;
export const MAX_ROWS = 1 << 26;

function checkConstants(e: Expr, where: string): void {
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.op === "const") {
      if (typeof x.value !== "bigint" || x.value < 0n || x.value >= P) throw new CircuitError(`${where}: constant ${String(x.value)} is not a canonical field element`);
    } else if (x.op === "neg") stack.push(x.a);
    else if (x.op !== "col") stack.push(x.a, x.b);
  }
}

function checkExpr(c: Pick<ConstraintSystem, "advice" | "fixed">, e: Expr, where: string): void {
  checkConstants(e, where);
  visitColumns(e, (kind, index, rot) => {
    const n = kind === "advice" ? c.advice.length : c.fixed.length;
    if (!Number.isInteger(index) || index < 0 || index >= n) throw new CircuitError(`${where}: ${kind} column ${index} out of range (have ${n})`);
    if (!Number.isInteger(rot) || rot < 0 || rot > MAX_ROTATION) throw new CircuitError(`${where}: rotation ${rot} outside [0, ${MAX_ROTATION}]`);
  });
}

function checkSelector(c: Circuit, sel: number, maxRot: number, where: string): void {
  const col = c.fixed[sel];
  if (col === undefined || col.kind !== "selector") throw new CircuitError(`${where}: selector ${sel} is not a selector column`);
  const v = c.fixedValues[sel]!;
  for (let r = 0; r < c.rows; r++) {
    const s = v[r]!;
    if (s !== 0n && s !== 1n) throw new CircuitError(`${where}: selector '${col.name}' has value ${s} at row ${r} (must be 0 or 1)`);
    if (s === 1n && r + maxRot >= c.rows) throw new CircuitError(`${where}: enabled at row ${r} but reads row ${r + maxRot} beyond the ${c.rows} used rows`);
  }
}

export function validateCircuit(c: Circuit): void {
  if (!Number.isInteger(c.rows) || c.rows < 1 || c.rows > MAX_ROWS) throw new CircuitError(`circuit rows ${c.rows} outside [1, ${MAX_ROWS}]`);
  if (c.advice.length === 0) throw new CircuitError("circuit has no advice column");
  if (c.fixedValues.length !== c.fixed.length) throw new CircuitError(`circuit has ${c.fixed.length} fixed columns but ${c.fixedValues.length} value columns`);
  c.fixedValues.forEach((v, i) => {
    if (v.length !== c.rows) throw new CircuitError(`fixed column '${c.fixed[i]!.name}' has ${v.length} values, expected ${c.rows}`);
    for (let r = 0; r < v.length; r++) if (v[r]! >= P) throw new CircuitError(`fixed column '${c.fixed[i]!.name}' row ${r}: non-canonical value`);
  });
  for (const g of c.gates) {
    if (g.polys.length === 0) throw new CircuitError(`gate '${g.name}' has no constraint`);
    g.polys.forEach((p) => checkExpr(c, p, `gate '${g.name}'`));
    checkSelector(c, g.selector, Math.max(...g.polys.map(maxRotation)), `gate '${g.name}'`);
  }
  for (const t of c.tables) {
    if (t.columns.length === 0) throw new CircuitError(`table '${t.name}' has no column`);
    if (!Number.isInteger(t.size) || t.size < 1 || t.size > c.rows) throw new CircuitError(`table '${t.name}' size ${t.size} outside [1, ${c.rows}]`);
    for (const col of t.columns) if (!(col >= 0 && col < c.fixed.length)) throw new CircuitError(`table '${t.name}': fixed column ${col} out of range`);
  }
  for (const l of c.lookups) {
    const t = c.tables[l.table];
    if (t === undefined) throw new CircuitError(`lookup '${l.name}': table ${l.table} out of range`);
    if (l.inputs.length !== t.columns.length) throw new CircuitError(`lookup '${l.name}' has ${l.inputs.length} inputs but table '${t.name}' has ${t.columns.length} columns`);
    l.inputs.forEach((e) => checkExpr(c, e, `lookup '${l.name}'`));
    checkSelector(c, l.selector, Math.max(...l.inputs.map(maxRotation)), `lookup '${l.name}'`);
  }
  const checkCell = (cell: { column: number; row: number }, where: string): void => {
    if (!(cell.column >= 0 && cell.column < c.advice.length && Number.isInteger(cell.column))) throw new CircuitError(`${where}: advice column ${cell.column} out of range`);
    if (!(cell.row >= 0 && cell.row < c.rows && Number.isInteger(cell.row))) throw new CircuitError(`${where}: row ${cell.row} outside [0, ${c.rows})`);
  };
  c.copies.forEach(([a, b], i) => {
    checkCell(a, `copy ${i}`);
    checkCell(b, `copy ${i}`);
  });
  c.publics.forEach((p) => {
    checkCell(p, `public '${p.label}'`);
    if (!Number.isInteger(p.scale) || p.scale < 0 || p.scale > 64) throw new CircuitError(`public '${p.label}': scale ${p.scale} outside [0, 64]`);
  });
  const seen = new Set<string>();
  for (const p of c.publics) {
    const key = `${p.column}:${p.row}`;
    if (seen.has(key)) throw new CircuitError(`public '${p.label}': cell (a${p.column}, row ${p.row}) is already public`);
    seen.add(key);
  }
}

export function validateWitness(c: Circuit, w: Witness): void {
  if (w.advice.length !== c.advice.length) throw new CircuitError(`witness has ${w.advice.length} advice columns, circuit has ${c.advice.length}`);
  w.advice.forEach((v, i) => {
    if (v.length !== c.rows) throw new CircuitError(`witness column '${c.advice[i]!.name}' has ${v.length} rows, expected ${c.rows}`);
    for (let r = 0; r < v.length; r++) if (v[r]! >= P) throw new CircuitError(`witness column '${c.advice[i]!.name}' row ${r}: non-canonical value`);
  });
}

/** Index and shape checks of a constraint system alone (as read from a verification key). */
export function validateConstraintSystem(c: ConstraintSystem): void {
  if (!Number.isInteger(c.rows) || c.rows < 1 || c.rows > MAX_ROWS) throw new CircuitError(`circuit rows ${c.rows} outside [1, ${MAX_ROWS}]`);
  if (c.advice.length === 0) throw new CircuitError("circuit has no advice column");
  const sel = (s: number, where: string): void => {
    if (c.fixed[s]?.kind !== "selector") throw new CircuitError(`${where}: selector ${s} is not a selector column`);
  };
  for (const g of c.gates) {
    sel(g.selector, `gate '${g.name}'`);
    g.polys.forEach((p) => checkExpr(c, p, `gate '${g.name}'`));
  }
  for (const t of c.tables) {
    if (t.size > c.rows) throw new CircuitError(`table '${t.name}' size ${t.size} exceeds ${c.rows} rows`);
    for (const col of t.columns) if (!(col < c.fixed.length)) throw new CircuitError(`table '${t.name}': fixed column ${col} out of range`);
  }
  for (const l of c.lookups) {
    const t = c.tables[l.table];
    if (t === undefined || t.columns.length !== l.inputs.length) throw new CircuitError(`lookup '${l.name}': bad table ${l.table}`);
    sel(l.selector, `lookup '${l.name}'`);
    l.inputs.forEach((e) => checkExpr(c, e, `lookup '${l.name}'`));
  }
  const seen = new Set<string>();
  for (const p of c.publics) {
    if (!(p.column < c.advice.length && p.row < c.rows)) throw new CircuitError(`public '${p.label}': cell out of range`);
    const key = `${p.column}:${p.row}`;
    if (seen.has(key)) throw new CircuitError(`public '${p.label}': duplicate cell`);
    seen.add(key);
  }
  for (const col of c.permColumns) if (!(col < c.advice.length)) throw new CircuitError(`permutation column ${col} out of range`);
}
