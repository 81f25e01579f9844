// Affine expressions and maps (MLIR's AffineExpr/AffineMap), used by linalg indexing maps.

export type AffineExpr =
  | { readonly kind: "dim"; readonly pos: number }
  | { readonly kind: "sym"; readonly pos: number }
  | { readonly kind: "const"; readonly value: number }
  | { readonly kind: "add" | "mul" | "mod" | "floordiv" | "ceildiv"; readonly lhs: AffineExpr; readonly rhs: AffineExpr };

export const dim = (pos: number): AffineExpr => ({ kind: "dim", pos });
export const sym = (pos: number): AffineExpr => ({ kind: "sym", pos });
export const cst = (value: number): AffineExpr => ({ kind: "const", value });

function floorDiv(a: number, b: number): number { return Math.floor(a / b); }
function mod(a: number, b: number): number { return ((a % b) + b) % b; }

/** Builds a binary expression, folding constants and ordering constants to the right (as MLIR). */
export function bin(kind: "add" | "mul" | "mod" | "floordiv" | "ceildiv", lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  if (lhs.kind === "const" && rhs.kind === "const") {
    const a = lhs.value, b = rhs.value;
    switch (kind) {
      case "add": return cst(a + b);
      case "mul": return cst(a * b);
      case "mod": return cst(mod(a, b));
      case "floordiv": return cst(floorDiv(a, b));
      case "ceildiv": return cst(Math.ceil(a / b));
    }
  }
  if ((kind === "add" || kind === "mul") && lhs.kind === "const") [lhs, rhs] = [rhs, lhs];
  if (kind === "add" && rhs.kind === "const" && rhs.value === 0) return lhs;
  if (kind === "mul" && rhs.kind === "const" && rhs.value === 1) return lhs;
  if (kind === "mul" && rhs.kind === "const" && rhs.value === 0) return cst(0);
  return { kind, lhs, rhs };
}

export function exprEquals(a: AffineExpr, b: AffineExpr): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "dim": case "sym": return a.pos === (b as typeof a).pos;
    case "const": return a.value === (b as typeof a).value;
    default: {
      const bb = b as typeof a;
      return exprEquals(a.lhs, bb.lhs) && exprEquals(a.rhs, bb.rhs);
    }
  }
}

const PREC = { add: 1, mul: 2, mod: 2, floordiv: 2, ceildiv: 2 } as const;

export function printExpr(e: AffineExpr, parentPrec = 0): string {
  switch (e.kind) {
    case "dim": return `d${e.pos}`;
    case "sym": return `s${e.pos}`;
    case "const": return String(e.value);
    default: {
      const p = PREC[e.kind];
      let s: string;
      if (e.kind === "add") {
        // MLIR prints `a + b * -1` as `a - b` and `a + -c` as `a - c`.
        const r = e.rhs;
        if (r.kind === "const" && r.value < 0) s = `${printExpr(e.lhs, p)} - ${-r.value}`;
        else if (r.kind === "mul" && r.rhs.kind === "const" && r.rhs.value === -1) s = `${printExpr(e.lhs, p)} - ${printExpr(r.lhs, p + 1)}`;
        else s = `${printExpr(e.lhs, p)} + ${printExpr(e.rhs, p)}`;
      } else {
        const op = e.kind === "mul" ? "*" : e.kind;
        s = `${printExpr(e.lhs, p)} ${op} ${printExpr(e.rhs, p + 1)}`;
      }
      return p < parentPrec ? `(${s})` : s;
    }
  }
}

/** Compiles an expression to a closure over dim and symbol values (interpreters call it per element). */
export function compileExpr(e: AffineExpr): (dims: ArrayLike<number>, syms: ArrayLike<number>) => number {
  switch (e.kind) {
    case "dim": { const p = e.pos; return (d) => d[p]!; }
    case "sym": { const p = e.pos; return (_d, s) => s[p]!; }
    case "const": { const v = e.value; return () => v; }
    default: {
      const l = compileExpr(e.lhs), r = compileExpr(e.rhs);
      switch (e.kind) {
        case "add": return (d, s) => l(d, s) + r(d, s);
        case "mul": return (d, s) => l(d, s) * r(d, s);
        case "mod": return (d, s) => mod(l(d, s), r(d, s));
        case "floordiv": return (d, s) => floorDiv(l(d, s), r(d, s));
        case "ceildiv": return (d, s) => Math.ceil(l(d, s) / r(d, s));
      }
    }
  }
}

export class AffineMap {
  constructor(readonly numDims: number, readonly numSymbols: number, readonly results: readonly AffineExpr[]) {}

  static identity(n: number): AffineMap {
    return new AffineMap(n, 0, Array.from({ length: n }, (_, i) => dim(i)));
  }
  /** (d0..dn-1) -> (d[perm[0]], ...). */
  static permutation(perm: readonly number[]): AffineMap {
    return new AffineMap(perm.length, 0, perm.map((p) => dim(p)));
  }

  toString(): string {
    const dims = Array.from({ length: this.numDims }, (_, i) => `d${i}`).join(", ");
    const syms = this.numSymbols ? `[${Array.from({ length: this.numSymbols }, (_, i) => `s${i}`).join(", ")}]` : "";
    return `(${dims})${syms} -> (${this.results.map((r) => printExpr(r)).join(", ")})`;
  }

  equals(o: AffineMap): boolean {
    return this.numDims === o.numDims && this.numSymbols === o.numSymbols &&
      this.results.length === o.results.length && this.results.every((r, i) => exprEquals(r, o.results[i]!));
  }

  /** True when every result is a distinct dim and all dims appear (a permutation). */
  isPermutation(): boolean {
    if (this.results.length !== this.numDims) return false;
    const seen = new Set<number>();
    for (const r of this.results) {
      if (r.kind !== "dim" || seen.has(r.pos)) return false;
      seen.add(r.pos);
    }
    return true;
  }

  isProjectedPermutation(): boolean {
    const seen = new Set<number>();
    for (const r of this.results) {
      if (r.kind === "const" && r.value === 0) continue;
      if (r.kind !== "dim" || seen.has(r.pos)) return false;
      seen.add(r.pos);
    }
    return true;
  }

  compile(): (dims: ArrayLike<number>, syms?: ArrayLike<number>) => number[] {
    const fs = this.results.map(compileExpr);
    const none: number[] = [];
    return (d, s = none) => fs.map((f) => f(d, s));
  }
}
