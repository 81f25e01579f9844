// Mock constraint checker: evaluates every gate, lookup and copy constraint on the witness and
// reports the first violation with its row, name and provenance label. Gates are evaluated as
// whole columns with the vector kernels; the failing row is then re-evaluated with scalars for
// the message.
import { add, mul, neg, sub, vMul } from "../field/index.js";
import { traceVecAlgebra } from "../protocol/vec-algebra.js";
import { type Circuit, type Witness, rowLabel } from "./circuit.js";
import { evaluate, evaluateCells, type ExprAlgebra, show } from "./expr.js";
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

/** Index of the first nonzero entry, read as 32-bit halves (no bigint per element), or -1. */
function firstNonZero(v: BigUint64Array): number {
  const h = new Uint32Array(v.buffer, v.byteOffset, v.length * 2);
  for (let i = 0; i < h.length; i += 2) if (h[i] !== 0 || h[i + 1] !== 0) return i >> 1;
  return -1;
}

/** Returns the first violation (gates, then lookups, then copies), or null when the witness satisfies the circuit. */
export function checkCircuit(c: Circuit, w: Witness): Violation | null {
  validateWitness(c, w);
  const cols = traceVecAlgebra(c.rows, w.advice, c.fixedValues);
  for (const g of c.gates) {
    const sel = c.fixedValues[g.selector]!;
    let first = -1;
    let which = 0;
    g.polys.forEach((p, k) => {
      // A bare column evaluates to the witness column itself: never write into it.
      const v = new BigUint64Array(c.rows);
      vMul(v, evaluateCells(p, cols), sel);
      const r = firstNonZero(v);
      if (r >= 0 && (first < 0 || r < first)) {
        first = r;
        which = k;
      }
    });
    if (first >= 0) {
      const p = g.polys[which]!;
      return violation(c, "gate", g.name, first, `constraint ${which} (${show(p)}) evaluates to ${evaluate(p, rowAlgebra(c, w, first))}`);
    }
  }
  for (const l of c.lookups) {
    const t = c.tables[l.table]!;
    const keys = new Set<string>();
    for (let r = 0; r < t.size; r++) keys.add(t.columns.map((col) => c.fixedValues[col]![r]).join(","));
    const sel = c.fixedValues[l.selector]!;
    const ins = l.inputs.map((e) => evaluateCells(e, cols));
    for (let r = 0; r < c.rows; r++) {
      if (sel[r] === 0n) continue;
      const key = ins.map((v) => v[r]).join(",");
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
