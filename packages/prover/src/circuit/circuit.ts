// The circuit (constraint system + fixed column values) and the witness (advice values).
// Rows beyond `rows` are added by the prover (padding and zero-knowledge blinding rows).
import type { Expr } from "./expr.js";
import type { FVec } from "../field/index.js";

export interface AdviceColumn {
  readonly name: string;
}

/** A selector is a fixed column that is 0/1 and switches a gate or lookup on at a row. */
export interface FixedColumn {
  readonly name: string;
  readonly kind: "fixed" | "selector";
}

/** sel(x) * poly(x) = 0 for every poly, on every row (rotations read the next rows). */
export interface Gate {
  readonly name: string;
  readonly selector: number;
  readonly polys: readonly Expr[];
}

/** A table: tuples stored in rows [0, size) of some fixed columns. */
export interface Table {
  readonly name: string;
  readonly columns: readonly number[];
  readonly size: number;
}

/** Where sel = 1, the tuple of input expressions must be a row of the table. */
export interface Lookup {
  readonly name: string;
  readonly selector: number;
  readonly inputs: readonly Expr[];
  readonly table: number;
}

export interface Cell {
  readonly column: number;
  readonly row: number;
}

/** An advice cell whose value is public; `scale` is the fixed-point scale (log2), 0 for integers. */
export interface PublicCell extends Cell {
  readonly label: string;
  readonly scale: number;
}

/** Provenance of rows [start, end), e.g. the ONNX node they came from (never in the proof). */
export interface RowLabel {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface Circuit {
  readonly rows: number;
  readonly advice: readonly AdviceColumn[];
  readonly fixed: readonly FixedColumn[];
  /** One column per fixed column, each of length `rows`. */
  readonly fixedValues: readonly FVec[];
  readonly gates: readonly Gate[];
  readonly tables: readonly Table[];
  readonly lookups: readonly Lookup[];
  readonly copies: readonly (readonly [Cell, Cell])[];
  readonly publics: readonly PublicCell[];
  readonly rowLabels: readonly RowLabel[];
}

/** Advice values: one column per advice column, each of length circuit.rows. */
export interface Witness {
  readonly advice: readonly FVec[];
}

export function emptyWitness(c: Circuit): Witness {
  return { advice: c.advice.map(() => new BigUint64Array(c.rows)) };
}

/** The provenance label of a row, or "" when none. */
export function rowLabel(c: Circuit, row: number): string {
  for (const l of c.rowLabels) if (row >= l.start && row < l.end) return l.label;
  return "";
}
