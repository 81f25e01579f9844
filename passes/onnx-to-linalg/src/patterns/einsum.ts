// Einsum as one generic: every label is a loop (output labels parallel, summed labels
// reduction), each operand's map lists its labels' loops, the body multiplies the operands into
// the accumulator. Ellipsis dims broadcast like numpy (size-1 dims read at 0).
import { AffineMap, cst, dim, type AffineExpr } from "@zkmlir/core";
import type { IteratorKind } from "@zkmlir/linalg";
import { generic, filled } from "../build/structured.js";
import { arith, convert } from "../build/scalar.js";
import { stringAttr } from "../util/attrs.js";
import { resultType, staticType } from "../util/types.js";
import { loweringError } from "../errors.js";
import type { Lowering } from "./lowering.js";

/** Each term's labels (ellipsis dims as "0", "1", ... right-aligned) and the output labels. */
function parse(eq: string, ranks: readonly number[], fail: (m: string) => Error): { terms: string[][]; out: string[] } {
  const [lhs, rhs] = eq.replace(/\s/g, "").split("->") as [string, string | undefined];
  const raw = lhs.split(",");
  if (raw.length !== ranks.length) throw fail(`equation has ${raw.length} terms for ${ranks.length} inputs`);
  let nE = 0;
  const expand = (term: string, rank: number | undefined): string[] => {
    const parts = term.split("...");
    if (parts.length > 2) throw fail(`more than one ellipsis in '${term}'`);
    const letters = [...parts.join("")];
    if (letters.some((ch) => !/^[A-Za-z]$/.test(ch))) throw fail(`invalid label in '${term}'`);
    if (parts.length === 1) return letters;
    const e = rank === undefined ? nE : rank - letters.length;
    if (e < 0) throw fail(`term '${term}' does not fit rank ${rank}`);
    nE = Math.max(nE, e);
    return [...[...parts[0]!], ...Array.from({ length: e }, (_, i) => String(nE - e + i)), ...[...parts[1]!]];
  };
  raw.forEach((t, i) => expand(t, ranks[i])); // first pass: the widest ellipsis
  // Second pass: each term's ellipsis labels right-aligned to the widest one.
  const fixed = raw.map((t, i) => expand(t, ranks[i]));
  let out: string[];
  if (rhs !== undefined) out = expand(rhs, undefined);
  else {
    const counts = new Map<string, number>();
    for (const t of fixed) for (const l of t) counts.set(l, (counts.get(l) ?? 0) + 1);
    const ell = Array.from({ length: nE }, (_, i) => String(i));
    out = [...ell, ...[...counts.keys()].filter((l) => !/^\d+$/.test(l) && counts.get(l) === 1).sort()];
  }
  return { terms: fixed, out };
}

const einsum: Lowering = (c) => {
  const ins = Array.from({ length: c.numInputs }, (_, i) => c.req(i));
  const types = ins.map((v, i) => staticType(c.op, v, `input #${i}`));
  const out = resultType(c.op);
  const { terms, out: outLabels } = parse(stringAttr(c.op, "equation", ""), types.map((t) => t.rank), (m) => loweringError(c.op, `equation: ${m}`));
  const sizes = new Map<string, number>();
  terms.forEach((t, i) => t.forEach((l, k) => { const d = types[i]!.shape[k]!; if (d !== 1 || !sizes.has(l)) sizes.set(l, Math.max(d, sizes.get(l) ?? 1)); }));
  const summed = [...sizes.keys()].filter((l) => !outLabels.includes(l));
  const loops = [...outLabels, ...summed];
  const L = loops.length;
  const mapOf = (labels: readonly string[], shape: readonly number[]) =>
    new AffineMap(L, 0, labels.map((l, k): AffineExpr => (shape[k] === 1 && sizes.get(l) !== 1 ? cst(0) : dim(loops.indexOf(l)))));
  const et = out.elementType;
  const iters: IteratorKind[] = loops.map((l) => (outLabels.includes(l) ? "parallel" : "reduction"));
  return [generic(c.b, {
    inputs: ins,
    outputs: [filled(c.b, out, 0)],
    maps: [...terms.map((t, i) => mapOf(t, types[i]!.shape)), new AffineMap(L, 0, outLabels.map((l) => dim(loops.indexOf(l))))],
    iterators: iters,
    body: ({ b, args }) => {
      let p = convert(b, args[0]!, et);
      for (let i = 1; i < ins.length; i++) p = arith(b, "mul", p, convert(b, args[i]!, et));
      return [arith(b, "add", args[ins.length]!, p)];
    },
  })[0]!];
};

export const EINSUM: Record<string, Lowering> = { Einsum: einsum };
