// MatMul (numpy matmul: batch dims broadcast, 1-D operands promoted then squeezed), Gemm (2-D with
// transposes) and Einsum (labels bound from the inputs; implicit output = labels used once, sorted).
import { DYNAMIC } from "@zkmlir/core";
import type { ShapeFn } from "./context.js";
import { broadcast, fmt, isKnown, type Shape } from "./dims.js";

/** Merges two sizes of one dim: unknown yields to known; a definite conflict is reported. */
function meet(a: number, b: number, fail: (m: string) => never, what: string): number {
  if (!isKnown(a)) return b;
  if (!isKnown(b) || a === b) return a;
  return fail(`${what}: ${a} vs ${b}`);
}

const matMul: ShapeFn = (c) => {
  const a = c.required(0, "A"), b = c.required(1, "B");
  if (!a || !b) return [undefined];
  if (!a.length || !b.length) c.fail("operands must have rank >= 1");
  const A = a.length === 1 ? [1, a[0]!] : a;
  const B = b.length === 1 ? [b[0]!, 1] : b;
  meet(A[A.length - 1]!, B[B.length - 2]!, (m) => c.fail(m), `contracted dims of ${fmt(a)} and ${fmt(b)} differ`);
  const batch = c.check(() => broadcast([A.slice(0, -2), B.slice(0, -2)], "batch dims"))!;
  const out = [...batch];
  if (a.length > 1) out.push(A[A.length - 2]!);
  if (b.length > 1) out.push(B[B.length - 1]!);
  return [out];
};

const gemm: ShapeFn = (c) => {
  const a = c.required(0, "A"), b = c.required(1, "B");
  if ((a && a.length !== 2) || (b && b.length !== 2)) c.fail("A and B must be 2-D");
  const m = a ? a[c.int("transA", 0) ? 1 : 0]! : DYNAMIC;
  const n = b ? b[c.int("transB", 0) ? 0 : 1]! : DYNAMIC;
  if (a && b) meet(a[c.int("transA", 0) ? 0 : 1]!, b[c.int("transB", 0) ? 1 : 0]!, (msg) => c.fail(msg), "contracted dims differ");
  const out = [m, n];
  const cShape = c.shape(2);
  if (cShape) c.check(() => broadcast([out, cShape], "C"));
  return [out];
};

/** Einsum: each input term binds its labels (and `...`) to dims; the output lists its labels. */
const einsum: ShapeFn = (c) => {
  const eq = c.str("equation", "").replace(/\s+/g, "");
  const [lhs, rhs] = eq.split("->") as [string, string | undefined];
  const terms = lhs.split(",");
  if (terms.length !== c.nIn) c.fail(`equation '${eq}' has ${terms.length} inputs, the op ${c.nIn}`);
  const dims = new Map<string, number>();
  const count = new Map<string, number>();
  const ellipses: Shape[] = [];
  for (let i = 0; i < terms.length; i++) {
    const s = c.shape(i);
    if (!s) return [undefined];
    const t = terms[i]!;
    const labels = t.replace("...", "");
    const ell = t.includes("...") ? s.length - labels.length : 0;
    if (ell < 0 || (!t.includes("...") && labels.length !== s.length)) c.fail(`term '${t}' does not match input shape ${fmt(s)}`);
    const at = t.indexOf("...");
    if (at >= 0) ellipses.push(s.slice(at, at + ell));
    let k = 0;
    for (let j = 0; j < t.length; j++) {
      if (t.startsWith("...", j)) { k += ell; j += 2; continue; }
      const l = t[j]!;
      const d = s[k++]!;
      count.set(l, (count.get(l) ?? 0) + 1);
      const prev = dims.get(l) ?? DYNAMIC;
      dims.set(l, isKnown(d) && d !== 1 ? meet(prev === 1 ? DYNAMIC : prev, d, (m) => c.fail(m), `label '${l}'`) : prev === DYNAMIC ? d : prev);
    }
  }
  const ellShape = c.check(() => broadcast(ellipses, "ellipsis dims")) ?? [];
  const out = rhs ?? `${ellipses.length ? "..." : ""}${[...count].filter(([, n]) => n === 1).map(([l]) => l).sort().join("")}`;
  const shape: number[] = [];
  for (let j = 0; j < out.length; j++) {
    if (out.startsWith("...", j)) { shape.push(...ellShape); j += 2; continue; }
    const d = dims.get(out[j]!);
    if (d === undefined) return c.fail(`output label '${out[j]}' is not in any input`);
    shape.push(d);
  }
  return [shape];
};

export const MATMUL_SHAPES: Record<string, ShapeFn> = { MatMul: matMul, Gemm: gemm, Einsum: einsum };
