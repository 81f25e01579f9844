import { KernelError } from "../types.js";

/**
 * An Einsum equation with labels resolved to small ints: ellipsis dims are labels 0..E-1
 * (E = the widest ellipsis), letters follow. Each term lists one label per operand dimension.
 */
export interface EinsumSpec {
  terms: number[][];
  output: number[];
  /** Number of labels in total. */
  nLabels: number;
  /** Number of ellipsis labels (they broadcast like numpy). */
  nEllipsis: number;
}

const LETTER = /^[A-Za-z]$/;

function splitTerm(term: string, where: string): { letters: string[]; ellipsisAt: number } {
  const parts = term.split("...");
  if (parts.length > 2) throw new KernelError(`Einsum: more than one ellipsis in ${where} "${term}"`);
  const letters = [...parts.join("")];
  for (const c of letters) if (!LETTER.test(c)) throw new KernelError(`Einsum: invalid character "${c}" in ${where} "${term}"`);
  return { letters, ellipsisAt: parts.length === 2 ? parts[0]!.length : -1 };
}

/** Parse `equation` for operands of the given ranks. */
export function parseEinsum(equation: string, ranks: readonly number[]): EinsumSpec {
  const eq = equation.replace(/ /g, "");
  const arrow = eq.indexOf("->");
  const lhs = arrow < 0 ? eq : eq.slice(0, arrow);
  const rhs = arrow < 0 ? undefined : eq.slice(arrow + 2);
  const rawTerms = lhs.split(",");
  if (rawTerms.length !== ranks.length) {
    throw new KernelError(`Einsum: equation "${equation}" has ${rawTerms.length} terms but ${ranks.length} inputs were given`);
  }
  const parsed = rawTerms.map((t, i) => splitTerm(t, `term ${i}`));
  let nEllipsis = 0;
  parsed.forEach((p, i) => {
    const e = ranks[i]! - p.letters.length;
    if (e < 0 || (e > 0 && p.ellipsisAt < 0)) {
      throw new KernelError(`Einsum: term ${i} "${rawTerms[i]}" does not match an operand of rank ${ranks[i]}`);
    }
    nEllipsis = Math.max(nEllipsis, e);
  });
  const ids = new Map<string, number>();
  const count = new Map<string, number>();
  const labelOf = (c: string): number => {
    let id = ids.get(c);
    if (id === undefined) { id = nEllipsis + ids.size; ids.set(c, id); }
    return id;
  };
  const terms = parsed.map((p, i) => {
    const e = ranks[i]! - p.letters.length;
    const labels: number[] = [];
    p.letters.forEach((c, k) => {
      // An operand's ellipsis covers the last `e` ellipsis labels (numpy right-alignment).
      if (k === p.ellipsisAt) for (let j = nEllipsis - e; j < nEllipsis; j++) labels.push(j);
      labels.push(labelOf(c));
      count.set(c, (count.get(c) ?? 0) + 1);
    });
    if (p.ellipsisAt === p.letters.length) for (let j = nEllipsis - e; j < nEllipsis; j++) labels.push(j);
    return labels;
  });
  const ellipsisLabels = Array.from({ length: nEllipsis }, (_, j) => j);
  let output: number[];
  if (rhs === undefined) {
    const once = [...count.entries()].filter(([, n]) => n === 1).map(([c]) => c).sort();
    output = [...ellipsisLabels, ...once.map((c) => ids.get(c)!)];
  } else {
    const p = splitTerm(rhs, "output");
    if (p.ellipsisAt < 0 && nEllipsis > 0) {
      throw new KernelError(`Einsum: output "${rhs}" must contain "..." since the inputs do`);
    }
    output = [];
    p.letters.forEach((c, k) => {
      if (k === p.ellipsisAt) output.push(...ellipsisLabels);
      const id = ids.get(c);
      if (id === undefined) throw new KernelError(`Einsum: output label "${c}" does not appear in any input`);
      if (output.includes(id)) throw new KernelError(`Einsum: output label "${c}" is repeated`);
      output.push(id);
    });
    if (p.ellipsisAt === p.letters.length) output.push(...ellipsisLabels);
  }
  return { terms, output, nLabels: nEllipsis + ids.size, nEllipsis };
}
