// Mock constraint checker: evaluates every gate, lookup and copy constraint on the witness with
// plain field arithmetic and reports the first violation with its row, name and provenance label.
import { add, mul, neg, sub } from "../field/index.js";
import { type Circuit, type Witness, rowLabel } from "./circuit.js";
import { evaluate, type ExprAlgebra, show } from "./expr.js";
import { validateWitness } from "./validate.js";

export interface Violation {
  readonly kind: "gate" | "lookup" | "copy";
  readonly name: string;
  readonly row: number;
  readonly label: string;
  readonly message: string;
}

function rowAlgebra(c: Circuit, w: Witness, row: number): ExprAlgebra<bigint> {
  return {
    column: (kind, index, rot) => (kind === "advice" ? w.advice[index]! : c.fixedValues[index]!)[row + rot]!,
    constant: (v) => v,
    add,
    sub,
    mul,
    neg,
  };
}

function violation(c: Circuit, kind: Violation["kind"], name: string, row: number, detail: string): Violation {
  const label = rowLabel(c, row);
  return { kind, name, row, label, message: `${kind} '${name}' violated at row ${row}${label ? ` (${label})` : ""}: ${detail}` };
}

/** Returns the first violation, or null when the witness satisfies the circuit. */
export function checkCircuit(c: Circuit, w: Witness): Violation | null {
  validateWitness(c, w);
  for (const g of c.gates) {
    const sel = c.fixedValues[g.selector]!;
    for (let r = 0; r < c.rows; r++) {
      if (sel[r] === 0n) continue;
      const alg = rowAlgebra(c, w, r);
      for (const [k, p] of g.polys.entries()) {
        const v = evaluate(p, alg);
        if (v !== 0n) return violation(c, "gate", g.name, r, `constraint ${k} (${show(p)}) evaluates to ${v}`);
      }
    }
  }
  for (const l of c.lookups) {
    const t = c.tables[l.table]!;
    const keys = new Set<string>();
    for (let r = 0; r < t.size; r++) keys.add(t.columns.map((col) => c.fixedValues[col]![r]).join(","));
    const sel = c.fixedValues[l.selector]!;
    for (let r = 0; r < c.rows; r++) {
      if (sel[r] === 0n) continue;
      const alg = rowAlgebra(c, w, r);
      const key = l.inputs.map((e) => evaluate(e, alg)).join(",");
      if (!keys.has(key)) return violation(c, "lookup", l.name, r, `tuple (${key}) is not in table '${t.name}'`);
    }
  }
  for (const [i, [a, b]] of c.copies.entries()) {
    const va = w.advice[a.column]![a.row]!;
    const vb = w.advice[b.column]![b.row]!;
    if (va !== vb) {
      return violation(c, "copy", `copy ${i}`, a.row, `a${a.column}[${a.row}] = ${va} but a${b.column}[${b.row}] = ${vb}`);
    }
  }
  return null;
}
