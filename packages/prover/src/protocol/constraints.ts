// The full constraint system (gates, public inputs, permutation, logUp) written once over an
// abstract algebra: the prover instantiates it with vectors on the quotient domain, the verifier
// with extension scalars at the out-of-domain point. One definition means no prover/verifier drift.
import type { ConstraintSystem } from "../circuit/constraint-system.js";
import { type CellAlgebra, degree, evaluateCells } from "../circuit/expr.js";
import { GENERATOR, extMul, extNeg, extScale, pow, type Ext } from "../field/index.js";
import type { Layout } from "./layout.js";

/** B: base-field values, E: extension values (both may be the same type on the verifier). */
export interface Algebra<B, E> extends CellAlgebra<B> {
  mult(lookup: number): B;
  aux(index: number, rot: number): E;
  /** The domain point x. */
  x(): B;
  /** Public-input polynomial of the i-th public column. */
  publicPoly(i: number): B;
  /** b * s for a base value b and an extension scalar s. */
  scaleB(b: B, s: Ext): E;
  eAdd(a: E, b: E): E;
  eSub(a: E, b: E): E;
  eMul(a: E, b: E): E;
  eMulB(a: E, b: B): E;
  /** a + b for an extension a and a base b. */
  eAddB(a: E, b: B): E;
  eAddC(a: E, s: Ext): E;
}

export interface Challenges {
  readonly beta: Ext;
  readonly gamma: Ext;
  readonly theta: Ext;
  readonly lambda: Ext;
}

export type ConstraintValue<B, E> = { base: B } | { ext: E };

/**
 * Receives each constraint in order with its degree; `value` computes it on demand, so a caller
 * can evaluate only the constraints of some degrees (the quotient groups them by domain size).
 */
export type Emit<B, E> = (degree: number, value: () => ConstraintValue<B, E>) => void;

/** Memoized thunk for values shared by several constraints. */
function lazy<T>(f: () => T): () => T {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v as T;
  };
}

/** Coset representative of the i-th permutation column: GENERATOR^i (distinct cosets of <w_n>). */
export function permShift(i: number): bigint {
  return pow(GENERATOR, i);
}

/** sum_i theta^i v_i as an extension value (first term has coefficient 1). */
function compress<B, E>(alg: Algebra<B, E>, values: readonly B[], theta: readonly Ext[]): E {
  let acc = alg.scaleB(values[0]!, theta[0]!);
  for (let i = 1; i < values.length; i++) acc = alg.eAdd(acc, alg.scaleB(values[i]!, theta[i]!));
  return acc;
}

/** Emits every constraint polynomial in a fixed order (the order defines the alpha powers). */
export function emitConstraints<B, E>(c: ConstraintSystem, lay: Layout, ch: Challenges, alg: Algebra<B, E>, emit: Emit<B, E>): void {
  const F = lay.fixed;
  for (const g of c.gates) {
    for (const p of g.polys) emit(1 + degree(p), () => ({ base: alg.mul(alg.fixed(g.selector, 0), evaluateCells(p, alg)) }));
  }
  lay.publicColumns.forEach((col, i) => {
    emit(2, () => ({ base: alg.sub(alg.mul(alg.fixed(F.pubSelStart + i, 0), alg.advice(col, 0)), alg.publicPoly(i)) }));
  });

  const one: Ext = [1n, 0n, 0n];
  const minusOne: Ext = [0xffff_ffff_0000_0000n, 0n, 0n];
  const active = (): B => alg.fixed(F.active, 0);
  const lFirst = (): B => alg.fixed(F.lFirst, 0);
  const lLast = (): B => alg.fixed(F.lLast, 0);
  if (lay.numPermChunks > 0) {
    const zMinus1 = lazy(() => alg.eAddC(alg.aux(0, 0), minusOne));
    emit(2, () => ({ ext: alg.eMulB(zMinus1(), lFirst()) }));
    emit(2, () => ({ ext: alg.eMulB(zMinus1(), lLast()) }));
    for (let j = 0; j < lay.numPermChunks; j++) {
      const cols = lay.permColumns.slice(j * lay.permChunk, (j + 1) * lay.permChunk);
      emit(cols.length + 2, () => {
        let num: E | undefined;
        let den: E | undefined;
        cols.forEach((col, k) => {
          const pos = j * lay.permChunk + k;
          // w + beta * k x + gamma and w + beta * sigma + gamma
          const w = alg.advice(col, 0);
          const idTerm = alg.eAddC(alg.eAddB(alg.scaleB(alg.x(), extScale(ch.beta, permShift(pos))), w), ch.gamma);
          const sigTerm = alg.eAddC(alg.eAddB(alg.scaleB(alg.fixed(F.sigmaStart + pos, 0), ch.beta), w), ch.gamma);
          num = num === undefined ? idTerm : alg.eMul(num, idTerm);
          den = den === undefined ? sigTerm : alg.eMul(den, sigTerm);
        });
        const prev = alg.aux(j, 0);
        const next = j === lay.numPermChunks - 1 ? alg.aux(0, 1) : alg.aux(j + 1, 0);
        return { ext: alg.eMulB(alg.eSub(alg.eMul(next, den!), alg.eMul(prev, num!)), active()) };
      });
    }
  }

  c.lookups.forEach((l, li) => {
    const t = c.tables[l.table]!;
    const thetas: Ext[] = [one];
    for (let i = 1; i < l.inputs.length; i++) thetas.push(extMul(thetas[i - 1]!, ch.theta));
    const negThetas = thetas.map(extNeg);
    const phi = (): E => alg.aux(lay.numPermChunks + li, 0);
    const inputDegree = Math.max(...l.inputs.map(degree));
    emit(inputDegree + 3, () => {
      // lambda - f and lambda - t, as (-f) + lambda.
      const a = alg.eAddC(compress(alg, l.inputs.map((e) => evaluateCells(e, alg)), negThetas), ch.lambda);
      const tableCols = t.columns.map((_, k) => alg.fixed(F.tableStart[l.table]! + k, 0));
      const b = alg.eAddC(compress(alg, tableCols, negThetas), ch.lambda);
      const phiNext = alg.aux(lay.numPermChunks + li, 1);
      // (phi' - phi) a b - sel b + m a = 0 on active rows: phi steps by sel/a - m/b.
      const lhs = alg.eMul(alg.eMul(alg.eSub(phiNext, phi()), a), b);
      const rhs = alg.eSub(alg.eMulB(b, alg.fixed(l.selector, 0)), alg.eMulB(a, alg.mult(li)));
      return { ext: alg.eMulB(alg.eSub(lhs, rhs), active()) };
    });
    emit(2, () => ({ ext: alg.eMulB(phi(), lFirst()) }));
    emit(2, () => ({ ext: alg.eMulB(phi(), lLast()) }));
  });
}
