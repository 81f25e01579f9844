// The part of a circuit the verifier needs: shapes, gate expressions, tables, lookups, public
// cell positions and the permutation columns (copy constraints themselves live in sigma).
import type { Circuit } from "./circuit.js";

/** The circuit's shape fields, typed once in Circuit. */
export interface ConstraintSystem extends Pick<Circuit, "rows" | "advice" | "fixed" | "gates" | "tables" | "lookups" | "publics"> {
  /** Advice columns taking part in copy constraints, ascending. */
  readonly permColumns: readonly number[];
}

/** Advice columns named by any copy constraint, ascending (what the permutation argument covers). */
export function permutationColumns(copies: Circuit["copies"]): number[] {
  const perm = new Set<number>();
  for (const [a, b] of copies) {
    perm.add(a.column);
    perm.add(b.column);
  }
  return [...perm].sort((a, b) => a - b);
}

export function constraintSystem(c: Circuit): ConstraintSystem {
  return {
    rows: c.rows,
    advice: c.advice,
    fixed: c.fixed,
    gates: c.gates,
    tables: c.tables,
    lookups: c.lookups,
    publics: c.publics,
    permColumns: permutationColumns(c.copies),
  };
}
