// Derived shape of a circuit in the proof system: trace length, usable rows vs blinding rows,
// constraint degree and quotient size, permutation chunking, and the column order in each batch.
import type { ConstraintSystem } from "../circuit/constraint-system.js";
import { degree, type Expr, visitColumns } from "../circuit/expr.js";
import { CircuitError } from "../errors.js";
import type { ProofParams } from "./params.js";

export interface Layout {
  readonly logN: number;
  readonly n: number;
  /** Rows [0, usable) carry the circuit; rows [usable, n) are blinding rows (random witness). */
  readonly usable: number;
  /** Constraint degree bound d: t = sum_k alpha^k C_k / Z_H has degree < (d - 1) n. */
  readonly degree: number;
  readonly logQ: number;
  /**
   * t is split at stride n - h (t = sum_i X^(i (n - h)) t_i) and each chunk gets h random
   * coefficients on top, cancelled by the next chunk (see quotient-mask.ts): numChunks chunks of
   * degree < n, so the FRI degree bound stays n.
   */
  readonly numChunks: number;
  readonly chunkStride: number;
  /** h: random coefficients per chunk mask, one per value a chunk's openings reveal (2 q + 3). */
  readonly quotientMask: number;
  /** Advice columns in the copy-constraint permutation, and how many go in one grand-product step. */
  readonly permColumns: readonly number[];
  readonly permChunk: number;
  readonly numPermChunks: number;
  /** Advice columns with public cells (each gets a public-selector fixed column). */
  readonly publicColumns: readonly number[];
  /** Row rotations opened at the out-of-domain point; always includes 0 and 1. */
  readonly rotations: readonly number[];
  readonly fixed: FixedLayout;
  readonly numAdviceBatch: number;
  /** Extension aux columns: permutation products (Z first), one logUp sum per lookup, one random mask. */
  readonly numAuxExt: number;
}

/** Column indices inside the fixed (preprocessed) batch. */
export interface FixedLayout {
  readonly user: number;
  /** First padded copy of each table's columns, per table. */
  readonly tableStart: readonly number[];
  readonly sigmaStart: number;
  readonly lFirst: number;
  readonly lLast: number;
  readonly active: number;
  readonly pubSelStart: number;
  readonly total: number;
}

export function lookupDegree(c: ConstraintSystem): number {
  let d = 0;
  for (const l of c.lookups) d = Math.max(d, ...l.inputs.map((e) => degree(e) + 3));
  return d;
}

export function computeLayout(c: ConstraintSystem, params: ProofParams): Layout {
  let d = 3;
  for (const g of c.gates) for (const p of g.polys) d = Math.max(d, degree(p) + 1);
  d = Math.max(d, lookupDegree(c));
  if (d > 17) throw new CircuitError(`constraint degree ${d} exceeds the supported maximum 17`);
  // deg(C) <= d (n - 1), so t = C / Z_H has degree < (d - 1) n, evaluated on a coset of size
  // Q n with Q the next power of two >= d - 1.
  let logQ = 0;
  while (1 << logQ < d - 1) logQ++;
  const degreeBound = d;

  const rotSet = new Set<number>([0, 1]);
  const collectRot = (e: Expr): void => visitColumns(e, (_k, _i, rot) => void rotSet.add(rot));
  for (const g of c.gates) g.polys.forEach(collectRot);
  for (const l of c.lookups) l.inputs.forEach(collectRot);
  const rotations = [...rotSet].sort((a, b) => a - b);

  // A base witness polynomial w reveals 3 base values per rotation r at the out-of-domain point
  // (w(zeta w^r) is an extension element) and, per FRI query, the quotient at +-x reads
  // w(w^r (+-x)) for every r (r = 0 is the opened leaf itself): at most R (2q + 3) values.
  // That many random rows keep the witness hidden; +1 for the boundary row of Z and the logUp sums.
  const blinding = rotations.length * (2 * params.numQueries + 3) + 1;
  let logN = 1;
  while ((1 << logN) < c.rows + blinding) logN++;
  const n = 1 << logN;
  // Each base component of a quotient chunk is opened at zeta (3 base values) and at +-x per query.
  const quotientMask = 2 * params.numQueries + 3;
  const chunkStride = n - quotientMask; // > 0: n > blinding > 2 quotientMask
  const numChunks = Math.ceil(((degreeBound - 1) * n) / chunkStride);

  const permColumns = c.permColumns;
  const permChunk = degreeBound - 2;
  const numPermChunks = Math.ceil(permColumns.length / permChunk);
  const publicColumns = [...new Set(c.publics.map((p) => p.column))].sort((a, b) => a - b);

  const tableStart: number[] = [];
  let next = c.fixed.length;
  for (const t of c.tables) {
    tableStart.push(next);
    next += t.columns.length;
  }
  const sigmaStart = next;
  next += permColumns.length;
  const fixed: FixedLayout = {
    user: c.fixed.length,
    tableStart,
    sigmaStart,
    lFirst: next,
    lLast: next + 1,
    active: next + 2,
    pubSelStart: next + 3,
    total: next + 3 + publicColumns.length,
  };
  return {
    logN,
    n,
    usable: n - blinding,
    degree: degreeBound,
    logQ,
    numChunks,
    chunkStride,
    quotientMask,
    permColumns,
    permChunk,
    numPermChunks,
    publicColumns,
    rotations,
    fixed,
    numAdviceBatch: c.advice.length + c.lookups.length,
    numAuxExt: numPermChunks + c.lookups.length + 1,
  };
}
