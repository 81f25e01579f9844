// Gate expressions: trees over column cells (at a row rotation), constants, +, -, *.
// Degree counts every column as degree 1 (all columns are polynomials of degree < n).

export type ColumnKind = "advice" | "fixed";

export type Expr =
  | { readonly op: "col"; readonly kind: ColumnKind; readonly index: number; readonly rot: number }
  | { readonly op: "const"; readonly value: bigint }
  | { readonly op: "add" | "sub" | "mul"; readonly a: Expr; readonly b: Expr }
  | { readonly op: "neg"; readonly a: Expr };

export const advice = (index: number, rot = 0): Expr => ({ op: "col", kind: "advice", index, rot });
export const fixed = (index: number, rot = 0): Expr => ({ op: "col", kind: "fixed", index, rot });
export const constant = (value: bigint): Expr => ({ op: "const", value });
export const add = (a: Expr, b: Expr): Expr => ({ op: "add", a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ op: "sub", a, b });
export const mul = (a: Expr, b: Expr): Expr => ({ op: "mul", a, b });
export const neg = (a: Expr): Expr => ({ op: "neg", a });

/** Sum of many terms (a wide dot-product row is sum(mul(a_i, b_i))). */
export function sum(terms: readonly Expr[]): Expr {
  if (terms.length === 0) return constant(0n);
  return terms.reduce((acc, t) => add(acc, t));
}

export function degree(e: Expr): number {
  switch (e.op) {
    case "col":
      return 1;
    case "const":
      return 0;
    case "neg":
      return degree(e.a);
    case "mul":
      return degree(e.a) + degree(e.b);
    default:
      return Math.max(degree(e.a), degree(e.b));
  }
}

/** Calls `f` on every column leaf. */
export function visitColumns(e: Expr, f: (kind: ColumnKind, index: number, rot: number) => void): void {
  switch (e.op) {
    case "col":
      f(e.kind, e.index, e.rot);
      return;
    case "const":
      return;
    case "neg":
      visitColumns(e.a, f);
      return;
    default:
      visitColumns(e.a, f);
      visitColumns(e.b, f);
  }
}

export function maxRotation(e: Expr): number {
  let r = 0;
  visitColumns(e, (_k, _i, rot) => {
    r = Math.max(r, rot);
  });
  return r;
}

/** Evaluation over any algebra (bigint rows in the checker, Ext at the OOD point, vectors in the prover). */
export interface ExprAlgebra<T> {
  column(kind: ColumnKind, index: number, rot: number): T;
  constant(v: bigint): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
}

export function evaluate<T>(e: Expr, alg: ExprAlgebra<T>): T {
  switch (e.op) {
    case "col":
      return alg.column(e.kind, e.index, e.rot);
    case "const":
      return alg.constant(e.value);
    case "neg":
      return alg.neg(evaluate(e.a, alg));
    case "add":
      return alg.add(evaluate(e.a, alg), evaluate(e.b, alg));
    case "sub":
      return alg.sub(evaluate(e.a, alg), evaluate(e.b, alg));
    case "mul":
      return alg.mul(evaluate(e.a, alg), evaluate(e.b, alg));
  }
}

/** An algebra that reads cells by column kind through separate advice/fixed accessors (the constraint algebras). */
export interface CellAlgebra<T> {
  advice(index: number, rot: number): T;
  fixed(index: number, rot: number): T;
  constant(v: bigint): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
}

/** Evaluates `e` over a cell algebra (vectors on a domain in the prover and checker, Ext at the OOD point). */
export function evaluateCells<T>(e: Expr, alg: CellAlgebra<T>): T {
  return evaluate(e, {
    column: (kind, index, rot) => (kind === "advice" ? alg.advice(index, rot) : alg.fixed(index, rot)),
    constant: (v) => alg.constant(v),
    add: (a, b) => alg.add(a, b),
    sub: (a, b) => alg.sub(a, b),
    mul: (a, b) => alg.mul(a, b),
    neg: (a) => alg.neg(a),
  });
}

/** Human-readable form for error messages. */
export function show(e: Expr): string {
  switch (e.op) {
    case "col":
      return `${e.kind === "advice" ? "a" : "f"}${e.index}${e.rot ? `[+${e.rot}]` : ""}`;
    case "const":
      return e.value.toString();
    case "neg":
      return `-(${show(e.a)})`;
    case "add":
      return `(${show(e.a)} + ${show(e.b)})`;
    case "sub":
      return `(${show(e.a)} - ${show(e.b)})`;
    case "mul":
      return `${show(e.a)}*${show(e.b)}`;
  }
}
