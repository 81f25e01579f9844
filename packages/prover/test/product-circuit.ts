// The smallest circuit with private inputs and a public output: c = a * b over 8 rows, shared by
// the zero-knowledge and public-input tests.
import { CircuitBuilder, advice, mul, sub, type Circuit, type Witness } from "../src/index.js";

export const PRODUCT_ROWS = 8;

/** A public cell of column c. */
export interface ProductPublic {
  readonly label: string;
  readonly row: number;
  readonly scale: number;
}

/** Advice a, b, c with the gate c - a * b enabled on `enabledRows`; each public exposes c at a row. */
export function productCircuit(enabledRows: readonly number[], publics: readonly ProductPublic[]): Circuit {
  const b = new CircuitBuilder(PRODUCT_ROWS);
  const a = b.addAdvice("a");
  const bb = b.addAdvice("b");
  const c = b.addAdvice("c");
  const s = b.addSelector("s");
  b.addGate("mul", s, [sub(advice(c), mul(advice(a), advice(bb)))]);
  for (const r of enabledRows) b.enable(s, r);
  for (const p of publics) b.addPublic(p.label, { column: c, row: p.row }, p.scale);
  return b.build();
}

/** c = a * b with the gate on row 0 only and c[0] public (scale 0). */
export const productAtRow0 = (): Circuit => productCircuit([0], [{ label: "c", row: 0, scale: 0 }]);

/** Witness for productAtRow0: a, b, a * b on row 0, zeros elsewhere. */
export function productAtRow0Witness(a: bigint, b: bigint): Witness {
  const cols = [new BigUint64Array(PRODUCT_ROWS), new BigUint64Array(PRODUCT_ROWS), new BigUint64Array(PRODUCT_ROWS)];
  cols[0]![0] = a;
  cols[1]![0] = b;
  cols[2]![0] = a * b;
  return { advice: cols };
}
