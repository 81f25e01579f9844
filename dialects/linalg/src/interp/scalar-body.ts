// A faster path for the common body: a straight line of single-result scalar ops (arith, math,
// linalg.index) ending in linalg.yield. It is compiled to closures over a slot array, skipping
// the interpreter's per-call frame and control objects. Bodies with regions, values from outside,
// non-scalar implementations, or an interpreter with listeners use the generic region path.
import type { CompileContext, Operation, RegionFn, Value } from "@zkmlir/core";

type Step = (s: unknown[]) => void;

export function compileScalarBody(op: Operation, c: CompileContext): RegionFn | undefined {
  if (c.interpreter.listeners.length) return undefined;
  const block = op.region(0).entry;
  const y = block?.last;
  if (!block || !y || y.name !== "linalg.yield") return undefined;
  const slots = new Map<Value, number>();
  block.args.forEach((a, i) => slots.set(a, i));
  const steps: Step[] = [];
  for (let o = block.first; o && o !== y; o = o.next) {
    if (o.regions.length || o.results.length !== 1) return undefined;
    const impl = c.interpreter.impls.impls.get(o.name);
    if (!impl) return undefined;
    const ins = o.operandValues.map((v) => slots.get(v));
    if (ins.some((i) => i === undefined)) return undefined;
    const r = impl(o, c);
    if (!("scalar" in r)) return undefined;
    const f = r.scalar, out = slots.size;
    slots.set(o.result(0), out);
    const [a, b, d] = ins as number[];
    switch (ins.length) {
      case 0: steps.push((s) => { s[out] = f(); }); break;
      case 1: steps.push((s) => { s[out] = f(s[a!]); }); break;
      case 2: steps.push((s) => { s[out] = f(s[a!], s[b!]); }); break;
      case 3: steps.push((s) => { s[out] = f(s[a!], s[b!], s[d!]); }); break;
      default: return undefined;
    }
  }
  const ys = y.operandValues.map((v) => slots.get(v));
  if (ys.some((i) => i === undefined)) return undefined;
  const s = new Array<unknown>(slots.size);
  const result = new Array<unknown>(ys.length);
  const n = steps.length;
  return (args) => {
    for (let i = 0; i < args.length; i++) s[i] = args[i];
    for (let i = 0; i < n; i++) steps[i]!(s);
    for (let i = 0; i < ys.length; i++) result[i] = s[ys[i]!];
    return result;
  };
}
