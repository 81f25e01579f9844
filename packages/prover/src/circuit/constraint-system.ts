// The part of a circuit the verifier needs: shapes, gate expressions, tables, lookups, public
// cell positions and the permutation columns (copy constraints themselves live in sigma).
import type { AdviceColumn, Circuit, FixedColumn, Gate, Lookup, PublicCell, Table } from "./circuit.js";

export interface ConstraintSystem {
  readonly rows: number;
  readonly advice: readonly AdviceColumn[];
  readonly fixed: readonly FixedColumn[];
  readonly gates: readonly Gate[];
  readonly tables: readonly Table[];
  readonly lookups: readonly Lookup[];
  readonly publics: readonly PublicCell[];
  /** Advice columns taking part in copy constraints, ascending. */
  readonly permColumns: readonly number[];
}

export function constraintSystem(c: Circuit): ConstraintSystem {
  const perm = new Set<number>();
  for (const [a, b] of c.copies) {
    perm.add(a.column);
    perm.add(b.column);
  }
  return {
    rows: c.rows,
    advice: c.advice,
    fixed: c.fixed,
    gates: c.gates,
    tables: c.tables,
    lookups: c.lookups,
    publics: c.publics,
    permColumns: [...perm].sort((a, b) => a - b),
  };
}
